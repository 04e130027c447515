import { describe, expect, it } from "vitest";
import { detectLanguage, toQuantity, understand } from "./rules-extractor.js";

describe("understand: browsing the catalog", () => {
  it("reads an Indonesian request as browsing Instagram followers", () => {
    const u = understand("saya mau beli followers instagram");
    expect(u.intent).toBe("browse");
    expect(u.platform).toBe("instagram");
    expect(u.kind).toBe("followers");
    expect(u.mid).toBeUndefined();
    expect(u.quantity).toBeUndefined();
  });

  it("keeps the quantity the customer typed alongside the product", () => {
    const u = understand("mau beli followers IG 1000");
    expect(u).toMatchObject({ intent: "browse", platform: "instagram", kind: "followers", quantity: 1000 });
    expect(u.bareNumber).toBeUndefined();
  });

  it("reads shorthand quantities inside a request", () => {
    expect(understand("saya mau 1k followers ig").quantity).toBe(1000);
    expect(understand("2 jt views tiktok").quantity).toBe(2_000_000);
    expect(understand("mau 2 ribu followers").quantity).toBe(2000);
  });

  it("treats 'x' next to a number as a multiplication sign, not X (Twitter)", () => {
    const u = understand("followers x 1000");
    expect(u.platform).toBeUndefined();
    expect(u.kind).toBe("followers");
    expect(u.quantity).toBe(1000);
    expect(understand("followers ig x1000").platform).toBe("instagram");
  });

  it("still recognises X (Twitter) when it is named as a platform", () => {
    expect(understand("x followers 1000").platform).toBe("twitter");
    expect(understand("beli 1000 followers twitter").platform).toBe("twitter");
  });
});

describe("understand: picking a service from the list", () => {
  it("reads a message that is only a number as a bare number, not a shop number", () => {
    const u = understand("2");
    expect(u.bareNumber).toBe(2);
    expect(u.mid).toBeUndefined();
    expect(u.quantity).toBeUndefined();
    expect(u.intent).toBe("details");
  });

  it("reads a bare grouped or shorthand number as its full value", () => {
    expect(understand("1.000").bareNumber).toBe(1000);
    expect(understand("1.5k").bareNumber).toBe(1500);
    expect(understand("2,5rb").bareNumber).toBe(2500);
  });

  it.each([
    ["ID 2", 2],
    ["id 3 ya", 3],
    ["saya pilih ID 2", 2],
    ["pilih 12", 12],
    ["pilih nomor 5", 5],
    ["yang 3", 3],
    ["no 4", 4],
    ["#7", 7],
  ])("reads %j as choosing shop number %i", (text, mid) => {
    const u = understand(text);
    expect(u.intent).toBe("select");
    expect(u.mid).toBe(mid);
    expect(u.bareNumber).toBeUndefined();
  });

  it("does not mistake the shop number for the quantity", () => {
    const u = understand("ID 2 1000");
    expect(u.mid).toBe(2);
    expect(u.quantity).toBe(1000);
  });
});

describe("understand: a link and a quantity in one message", () => {
  it.each([
    ["https://instagram.com/budi 1000", "https://instagram.com/budi", 1000],
    ["@budi.santoso 1.000", "@budi.santoso", 1000],
    ["instagram.com/p/abc 2,5rb", "instagram.com/p/abc", 2500],
    ["youtube.com/watch?v=abc 1000", "youtube.com/watch?v=abc", 1000],
    ["@budi, 1000", "@budi", 1000],
  ])("reads %j as target %j and quantity %i", (text, target, quantity) => {
    const u = understand(text);
    expect(u.intent).toBe("details");
    expect(u.target).toBe(target);
    expect(u.quantity).toBe(quantity);
  });

  it("reads a shop number, a link with an @ inside it and a quantity together", () => {
    const u = understand("#7 https://www.tiktok.com/@user/video/123 500");
    expect(u.intent).toBe("select");
    expect(u.mid).toBe(7);
    // The @user inside the URL belongs to the link; it is not a separate username.
    expect(u.target).toBe("https://www.tiktok.com/@user/video/123");
    // Digits inside the link (123) are not the quantity.
    expect(u.quantity).toBe(500);
  });

  it("reads a link alone as a target with no quantity", () => {
    const u = understand("https://instagram.com/budi");
    expect(u.target).toBe("https://instagram.com/budi");
    expect(u.quantity).toBeUndefined();
    expect(u.bareNumber).toBeUndefined();
  });

  it("does not glue the comma that separates the link from the quantity onto the link", () => {
    // Bug: URL_PATTERN takes every non-space character, so the supplier would receive "https://instagram.com/budi,".
    const u = understand("https://instagram.com/budi, 1000");
    expect(u.target).toBe("https://instagram.com/budi");
    expect(u.quantity).toBe(1000);
  });

  it("does not glue a sentence-ending full stop onto the link", () => {
    // Bug: "linknya https://instagram.com/budi." gives the target "https://instagram.com/budi.".
    expect(understand("linknya https://instagram.com/budi.").target).toBe("https://instagram.com/budi");
  });
});

describe("understand: short replies and account questions", () => {
  it.each(["batal", "gak jadi", "cancel", "stop"])("reads %j as cancelling", (text) => {
    expect(understand(text).intent).toBe("cancel");
  });

  it.each(["ya", "oke lanjut", "ya, lanjut", "ya kak gas", "yes", "ok"])("reads %j as confirming", (text) => {
    expect(understand(text).intent).toBe("confirm");
  });

  it.each(["halo", "hello", "selamat pagi kak"])("reads %j as a greeting", (text) => {
    expect(understand(text).intent).toBe("greeting");
  });

  it.each(["cek saldo", "saldo saya berapa"])("reads %j as asking for the wallet balance", (text) => {
    expect(understand(text).intent).toBe("balance");
  });

  it.each(["pesanan saya", "my orders", "riwayat pesanan"])("reads %j as asking for past orders", (text) => {
    expect(understand(text).intent).toBe("order_history");
  });

  it("reads checking orders without a number as asking how orders are doing", () => {
    expect(understand("cek pesanan")).toMatchObject({ intent: "order_status", orderId: undefined });
  });

  it("lets a shop number win over a confirming word", () => {
    expect(understand("id 3 ya").intent).toBe("select");
  });

  it("does not read a cancel word as a confirmation or a greeting", () => {
    const u = understand("gak jadi");
    expect(u.intent).not.toBe("confirm");
    expect(u.platform).toBeUndefined();
  });
});

describe("toQuantity", () => {
  it.each([
    ["1.000", undefined, 1000],
    ["1,000", undefined, 1000],
    ["1.000.000", undefined, 1_000_000],
    ["1", "k", 1000],
    ["1.5", "k", 1500],
    ["1.5", "K", 1500],
    ["2,5", "rb", 2500],
    ["3", "ribu", 3000],
    ["2", "jt", 2_000_000],
    ["2", "juta", 2_000_000],
    ["500", undefined, 500],
  ] as const)("reads %j with suffix %j as %i", (number, suffix, expected) => {
    expect(toQuantity(number, suffix)).toBe(expected);
  });

  it("refuses a fractional quantity, since services are sold in whole units", () => {
    expect(toQuantity("10.5", undefined)).toBeUndefined();
    expect(toQuantity("1,5", undefined)).toBeUndefined();
    expect(toQuantity("1.0005", "k")).toBeUndefined();
  });

  it("refuses text that is not a number", () => {
    expect(toQuantity("abc", undefined)).toBeUndefined();
  });
});

describe("detectLanguage", () => {
  it("recognises Indonesian", () => {
    expect(detectLanguage("saya mau beli followers instagram")).toBe("id");
    expect(detectLanguage("berapa harga nya kak")).toBe("id");
  });

  it("recognises English", () => {
    expect(detectLanguage("I want to buy Instagram followers please")).toBe("en");
  });

  it("keeps the current language when the message does not say clearly", () => {
    expect(detectLanguage("123")).toBeUndefined();
    expect(detectLanguage("followers 1000")).toBeUndefined();
    expect(detectLanguage("")).toBeUndefined();
  });

  it("reports the detected language in understand()", () => {
    expect(understand("saya pilih ID 2").language).toBe("id");
    expect(understand("#7").language).toBeUndefined();
  });
});
