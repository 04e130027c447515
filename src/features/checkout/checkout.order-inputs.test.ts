import { describe, expect, it } from "vitest";
import { checkOrderInputs, parseDripAnswer, subscriptionUsername } from "./checkout.order-inputs.js";

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0); // 7 Dec 2026, 19:00 WIB
const sub = { type: "Subscriptions", platform: "instagram", min: 50, max: 5000, dripfeed: false };
const subInputs = (extra: Record<string, string>) => ({
  perPost: "100-200",
  posts: "10",
  delay: "30",
  expiry: "-",
  ...extra,
});

describe("what customers type for a service type's extra inputs", () => {
  it.each([
    ["5x30", { runs: "5", interval: "30" }],
    ["5 x 30 menit", { runs: "5", interval: "30" }],
    ["5 kali tiap 30 menit", { runs: "5", interval: "30" }],
    ["3 30", { runs: "3", interval: "30" }],
  ])("reads drip-feed %j", (text, expected) => expect(parseDripAnswer(text)).toEqual(expected));

  it("finds no drip-feed in words alone", () => expect(parseDripAnswer("pelan pelan aja")).toBeUndefined());

  it.each([
    ["@budi.santoso", "budi.santoso"],
    ["budi", "budi"],
    ["https://www.instagram.com/budi_s/", "budi_s"],
    ["https://www.tiktok.com/@budi", "budi"],
  ])("takes the subscription's username from %j", (target, expected) =>
    expect(subscriptionUsername(target)).toBe(expected),
  );

  it.each([
    ["31/12/2026", "31/12/2026"],
    ["1-1-2027", "01/01/2027"],
    ["2027-02-28", "28/02/2027"],
  ])("writes the expiry %j as the panels want it (d/m/Y)", (expiry, expected) => {
    const checked = checkOrderInputs(sub, subInputs({ expiry }), undefined, NOW);
    expect(checked.ok && checked.value.extras.subscription?.expiry).toBe(expected);
  });

  it.each(["07/12/2026", "30/02/2027", "besok", "12/31/2026"])(
    "refuses the expiry %j (today, impossible, or not a date)",
    (expiry) => {
      expect(checkOrderInputs(sub, subInputs({ expiry }), undefined, NOW)).toEqual({
        ok: false,
        error: { code: "input_invalid", input: "expiry" },
      });
    },
  );

  it("reads a per-post range written several ways, and a single number as min = max", () => {
    for (const perPost of ["100-200", "100 – 200", "100 sampai 200", "100 200"]) {
      const checked = checkOrderInputs(sub, subInputs({ perPost }), undefined, NOW);
      expect(checked.ok && checked.value.extras.subscription).toMatchObject({ min: 100, max: 200 });
    }
    const single = checkOrderInputs(sub, subInputs({ perPost: "150" }), undefined, NOW);
    expect(single.ok && single.value).toMatchObject({
      quantity: 1500,
      extras: { subscription: { min: 150, max: 150 } },
    });
  });

  it("accepts the delays panels offer, with or without 'menit', and no other", () => {
    expect(checkOrderInputs(sub, subInputs({ delay: "90 menit" }), undefined, NOW).ok).toBe(true);
    expect(checkOrderInputs(sub, subInputs({ delay: "0" }), undefined, NOW).ok).toBe(true);
    expect(checkOrderInputs(sub, subInputs({ delay: "45" }), undefined, NOW)).toMatchObject({
      ok: false,
      error: { input: "delay" },
    });
  });

  it("reads usernames separated by lines, spaces or commas, and refuses one that is not a username", () => {
    const mentions = { type: "Mentions", platform: "instagram", min: 100, max: 1000, dripfeed: false };
    const checked = checkOrderInputs(mentions, { usernames: "@ani, @budi\n@cici dodi" }, 100, NOW);
    expect(checked.ok && checked.value.extras.usernames).toEqual(["ani", "budi", "cici", "dodi"]);
    expect(checkOrderInputs(mentions, { usernames: "@ani\nbudi!" }, 100, NOW)).toMatchObject({
      ok: false,
      error: { code: "input_invalid", input: "usernames" },
    });
  });
});
