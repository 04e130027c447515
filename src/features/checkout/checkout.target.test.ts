import { describe, expect, it } from "vitest";
import { parseAccount } from "../language/language.slots.js";
import { normalizeAccount, normalizeTarget } from "./checkout.target.js";

describe("normalizeTarget: accepting a customer's target", () => {
  it("accepts an @username as typed", () => {
    expect(normalizeTarget("@budi.santoso", "instagram")).toEqual({ ok: true, value: "@budi.santoso" });
  });

  it("trims spaces the customer typed around the target", () => {
    expect(normalizeTarget("  @budi  ", "instagram")).toEqual({ ok: true, value: "@budi" });
  });

  it("accepts a full https link to the right platform", () => {
    expect(normalizeTarget("https://instagram.com/budi", "instagram")).toEqual({
      ok: true,
      value: "https://instagram.com/budi",
    });
    expect(normalizeTarget("http://instagram.com/budi", "instagram")).toEqual({
      ok: true,
      value: "http://instagram.com/budi",
    });
  });

  it("adds https:// to a bare domain so the supplier gets a working link", () => {
    expect(normalizeTarget("instagram.com/budi", "instagram")).toEqual({
      ok: true,
      value: "https://instagram.com/budi",
    });
    expect(normalizeTarget("www.tiktok.com/@budi/video/1", "tiktok")).toEqual({
      ok: true,
      value: "https://www.tiktok.com/@budi/video/1",
    });
  });

  it.each([
    ["https://m.facebook.com/budi", "facebook"],
    ["https://vt.tiktok.com/ZS123/", "tiktok"],
    ["https://www.instagram.com/budi/", "instagram"],
    ["https://youtu.be/abc", "youtube"],
  ])("accepts %s for %s (subdomains and short links of the platform)", (link, platform) => {
    expect(normalizeTarget(link, platform)).toEqual({ ok: true, value: link });
  });

  it("lower-cases the host but keeps the path as typed", () => {
    expect(normalizeTarget("HTTPS://INSTAGRAM.COM/Budi", "instagram")).toEqual({
      ok: true,
      value: "https://instagram.com/Budi",
    });
  });

  it("accepts any web link for a platform with no known hosts", () => {
    expect(normalizeTarget("https://example.com/page", "website")).toEqual({
      ok: true,
      value: "https://example.com/page",
    });
  });
});

describe("normalizeTarget: refusing targets that would waste a paid order", () => {
  it("refuses a link to another platform and names the platform that was expected", () => {
    expect(normalizeTarget("https://tiktok.com/@budi", "instagram")).toEqual({
      ok: false,
      error: { code: "target_wrong_platform", platform: "instagram" },
    });
  });

  it("refuses look-alike hosts that only contain the platform's name", () => {
    for (const link of ["https://evilinstagram.com/budi", "https://instagram.com.evil.io/budi"]) {
      expect(normalizeTarget(link, "instagram")).toEqual({
        ok: false,
        error: { code: "target_wrong_platform", platform: "instagram" },
      });
    }
  });

  it.each(["javascript:alert(1)", "ftp://instagram.com/x", "data:text/html,hi"])(
    "refuses the non-web link %s",
    (link) => {
      expect(normalizeTarget(link, "instagram")).toEqual({ ok: false, error: { code: "target_invalid" } });
    },
  );

  it.each([
    "https://user:pass@instagram.com/budi",
    "https://user@instagram.com/budi",
    "https://instagram.com@evil.com/",
  ])("refuses a link carrying credentials: %s", (link) => {
    expect(normalizeTarget(link, "instagram")).toEqual({ ok: false, error: { code: "target_invalid" } });
  });

  it("refuses an @username for a website service, which needs a link", () => {
    expect(normalizeTarget("@budi", "website")).toEqual({ ok: false, error: { code: "target_invalid" } });
  });

  it.each(["@", "@bu di", "budi", "https://localhost/x"])("refuses %j as neither a username nor a link", (text) => {
    expect(normalizeTarget(text, "instagram").ok).toBe(false);
  });

  it("says the target is missing when nothing was typed", () => {
    expect(normalizeTarget("", "instagram")).toEqual({ ok: false, error: { code: "target_missing" } });
    expect(normalizeTarget("   ", "instagram")).toEqual({ ok: false, error: { code: "target_missing" } });
  });

  it("refuses targets longer than 300 characters", () => {
    const prefix = "https://instagram.com/";
    const exactly300 = prefix + "a".repeat(300 - prefix.length);
    expect(normalizeTarget(exactly300, "instagram")).toEqual({ ok: true, value: exactly300 });
    expect(normalizeTarget(`${exactly300}a`, "instagram")).toEqual({ ok: false, error: { code: "target_invalid" } });
  });
});

describe("invisible characters are stripped from targets before they are checked", () => {
  const ZWSP = "\u200B";
  const ZWJ = "\u200D";
  const RLO = "\u202E";
  const LRI = "\u2066";
  const BOM = "\uFEFF";

  it("a link with zero-width characters, a BOM and bidi controls reaches the supplier clean", () => {
    const typed = `${BOM}https://insta${ZWSP}gram.com/bu${ZWJ}di${LRI}`;
    expect(normalizeTarget(typed, "instagram")).toEqual({ ok: true, value: "https://instagram.com/budi" });
  });

  it("an @username padded with zero-width spaces is the plain username", () => {
    expect(normalizeTarget(`@${ZWSP}budi${ZWSP}`, "instagram")).toEqual({ ok: true, value: "@budi" });
  });

  it("a bidi override hidden after a username or inside a host is removed, not refused", () => {
    expect(normalizeTarget(`@budi${RLO}`, "instagram")).toEqual({ ok: true, value: "@budi" });
    expect(normalizeTarget(`https://www.tik${RLO}tok.com/@budi`, "tiktok")).toEqual({
      ok: true,
      value: "https://www.tiktok.com/@budi",
    });
  });

  it("a target of nothing but invisible characters is missing", () => {
    expect(normalizeTarget(`${ZWSP}${BOM}${RLO}`, "instagram")).toEqual({
      ok: false,
      error: { code: "target_missing" },
    });
  });

  it("player ids, zones and phone numbers lose their invisible characters too", () => {
    expect(normalizeAccount("game_id", { target: `1234${ZWSP}5678`, zone: `${BOM}2005` }, true)).toEqual({
      ok: true,
      value: { target: "12345678", zone: "2005" },
    });
    expect(normalizeAccount("phone", { target: `0812${ZWJ}3456${ZWSP}7890` }, false)).toEqual({
      ok: true,
      value: { target: "081234567890", zone: undefined },
    });
    expect(parseAccount(`id 1234${ZWSP}5678 (20${ZWSP}05)`)).toEqual({ target: "12345678", zone: "2005" });
  });
});
