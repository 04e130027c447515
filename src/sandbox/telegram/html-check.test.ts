import { describe, expect, it } from "vitest";
import { htmlProblem, htmlToText } from "./html-check.js";

describe("htmlProblem: messages Telegram would accept", () => {
  it.each([
    ["bold", "<b>Pesanan #12</b>"],
    ["italic and code", "<i>Total</i> <code>Rp 15.000</code>"],
    ["a link with href", '<a href="https://t.me/tokobot">buka</a>'],
    ["nested tags", "<b><i>penting</i></b>"],
    ["pre with code and a class", '<pre><code class="language-js">x</code></pre>'],
    ["spoilers and quotes", '<tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">s</span> <blockquote>q</blockquote>'],
    ["upper-case tag names", "<B>x</B>"],
    ["escaped entities", "&amp; &lt; &gt; &quot; &#39; &#x27;"],
    ["plain text with dots and a '>'", "Rp 15.000 > Rp 10.000"],
    ["an empty message", ""],
  ])("accepts %s", (_label, text) => {
    expect(htmlProblem(text)).toBeUndefined();
  });
});

describe("htmlProblem: messages Telegram would refuse with 'can't parse entities'", () => {
  it.each([
    ["a div", "<div>x</div>"],
    ["a line break tag", "baris<br>baru"],
    ["a script tag", "<script>alert(1)</script>"],
  ])("refuses an unknown tag: %s", (_label, text) => {
    expect(htmlProblem(text)).toMatch(/Unsupported start tag/);
  });

  it("names the unknown tag", () => {
    expect(htmlProblem("<div>x</div>")).toContain('"div"');
  });

  it.each([
    ["an unclosed tag", "<b>x"],
    ["a closing tag with no opening", "x</b>"],
    ["crossed tags", "<b><i>x</b></i>"],
  ])("refuses unbalanced tags: %s", (_label, text) => {
    expect(htmlProblem(text)).toMatch(/Can't find end tag/);
  });

  it("refuses a bare '<', as in an unescaped supplier name", () => {
    expect(htmlProblem("Followers <Murah")).toMatch(/Unsupported start tag/);
    expect(htmlProblem("1 < 2")).toMatch(/Unsupported start tag/);
  });

  it("refuses a bare '&' and entities Telegram does not know", () => {
    expect(htmlProblem("Likes & Views")).toMatch(/Unsupported entity/);
    expect(htmlProblem("a&nbsp;b")).toMatch(/Unsupported entity/);
  });

  it("reports where the problem is", () => {
    expect(htmlProblem("ab & c")).toContain("offset 3");
  });
});

describe("htmlToText: what the customer reads", () => {
  it("removes tags", () => {
    expect(htmlToText('<b>Halo</b> <a href="https://t.me/x">Budi</a>')).toBe("Halo Budi");
  });

  it("decodes the named entities", () => {
    expect(htmlToText("Likes &amp; Views &lt;3 &gt; &quot;murah&quot;")).toBe('Likes & Views <3 > "murah"');
  });

  it("decodes an escaped entity only once", () => {
    expect(htmlToText("&amp;lt;")).toBe("&lt;");
    expect(htmlToText("&lt;b&gt;")).toBe("<b>");
  });

  it("decodes the numeric character references that htmlProblem accepts", () => {
    // Bug: htmlToText leaves "&#39;" and "&#x27;" as they are, although Telegram shows an apostrophe.
    expect(htmlToText("Jum&#39;at &#x27;")).toBe("Jum'at '");
  });
});
