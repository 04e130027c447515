import { describe, expect, it } from "vitest";
import { TYPED_SAMPLES } from "./sample-catalog.js";
import { createSmmPanelSimulator } from "./smm-panel-simulator.js";

/** The sandbox panel refuses an `add` that misses or garbles what its type needs, as a real panel does. */
const sim = createSmmPanelSimulator({
  key: "k",
  catalog: [
    ...TYPED_SAMPLES,
    {
      service: 1,
      name: "Drip",
      type: "Default",
      category: "x",
      rate: "1000",
      min: "100",
      max: "1000",
      refill: false,
      cancel: false,
      dripfeed: true,
    },
    {
      service: 2,
      name: "No drip",
      type: "Default",
      category: "x",
      rate: "1000",
      min: "100",
      max: "1000",
      refill: false,
      cancel: false,
      dripfeed: false,
    },
  ],
});
const add = async (fields: Record<string, string>) => {
  const res = await sim.routes.request("/api/v2", {
    method: "POST",
    body: new URLSearchParams({ key: "k", action: "add", ...fields }),
  });
  return (await res.json()) as { order?: number; error?: string };
};
const link = (n: number) => `https://instagram.com/p/t${n}`;
let n = 0;

describe("the sandbox panel checks each add by service type", () => {
  it.each([
    ["custom comments without comments", { service: "1401", link: link(++n) }, "Comments list is empty"],
    [
      "custom comments with too few lines",
      { service: "1401", link: link(++n), comments: "a\nb" },
      "Quantity less than minimal 5",
    ],
    ["a custom mention list without usernames", { service: "1403", link: link(++n) }, "Usernames list is empty"],
    [
      "mentions of a user's followers without the username",
      { service: "1404", link: link(++n), quantity: "100" },
      "Incorrect username",
    ],
    [
      "a hashtag mention with a broken hashtag",
      { service: "1405", link: link(++n), quantity: "100", hashtag: "no spaces allowed" },
      "Incorrect hashtag",
    ],
    [
      "media likers without a media link",
      { service: "1406", link: link(++n), quantity: "100", media: "not a link" },
      "Incorrect media link",
    ],
    [
      "mentions with hashtags but none given",
      { service: "1408", link: link(++n), quantity: "100", usernames: "a" },
      "Hashtags list is empty",
    ],
    [
      "a poll vote without answer_number",
      { service: "1411", link: link(++n), quantity: "100" },
      "Incorrect answer number",
    ],
    ["SEO without keywords", { service: "1413", link: link(++n), quantity: "500" }, "Keywords list is empty"],
    [
      "a subscription with a delay panels do not offer",
      { service: "1414", username: "budi", min: "100", max: "200", delay: "7" },
      "Incorrect delay",
    ],
    [
      "a subscription with min above max",
      { service: "1414", username: "budi", min: "300", max: "200", delay: "30" },
      "Incorrect min/max",
    ],
    [
      "a subscription with a badly written expiry",
      { service: "1414", username: "budi", min: "100", max: "200", delay: "30", expiry: "2099-12-31" },
      "Incorrect expiry",
    ],
    [
      "drip-feed on a service without it",
      { service: "2", link: link(++n), quantity: "100", runs: "3", interval: "10" },
      "Incorrect request",
    ],
    [
      "drip-feed with a single run",
      { service: "1", link: link(++n), quantity: "100", runs: "1", interval: "10" },
      "Incorrect request",
    ],
  ])("refuses %s", async (_name, fields, error) => {
    expect(await add(fields)).toEqual({ error });
  });

  it("accepts each type's full parameter set and charges what it delivers", async () => {
    expect((await add({ service: "1401", link: link(++n), comments: "a\nb\nc\nd\ne" })).order).toBeDefined();
    expect((await add({ service: "1412", link: link(++n) })).order).toBeDefined();
    expect(
      (
        await add({
          service: "1414",
          username: "budi",
          min: "100",
          max: "200",
          posts: "3",
          delay: "30",
          expiry: "31/12/2099",
        })
      ).order,
    ).toBeDefined();
    const drip = await add({ service: "1", link: link(++n), quantity: "100", runs: "3", interval: "10" });
    expect(sim.orders.get(drip.order!)).toMatchObject({ quantity: 300, params: { runs: "3", interval: "10" } });
  });
});
