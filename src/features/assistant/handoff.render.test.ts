import { describe, expect, it } from "vitest";
import { clipEscaped, renderTranscript } from "./handoff.render.js";

describe("hand-off texts for admins", () => {
  it("escapes customer text and clips it without cutting an entity in half", () => {
    expect(clipEscaped("a<b>&c", 100)).toBe("a&lt;b&gt;&amp;c");
    const clipped = clipEscaped("&".repeat(50), 23);
    expect(clipped).toBe(`${"&amp;".repeat(4)}…`);
    expect(clipped.length).toBeLessThanOrEqual(23);
  });

  it("keeps the newest turns within the budget, one line each, marked by who spoke", () => {
    const turns = [
      { role: "customer" as const, text: "lama\nsekali", createdAt: 1 },
      { role: "bot" as const, text: "x".repeat(100), createdAt: 2 },
      { role: "admin" as const, text: "oke <kak>", createdAt: 3 },
    ];
    expect(renderTranscript(turns)).toBe(`👤 lama sekali\n🤖 ${"x".repeat(100)}\n🧑‍💼 oke &lt;kak&gt;`);
    expect(renderTranscript(turns, 130)).toBe(`🤖 ${"x".repeat(100)}\n🧑‍💼 oke &lt;kak&gt;`);
    expect(renderTranscript([])).toBe("");
  });
});
