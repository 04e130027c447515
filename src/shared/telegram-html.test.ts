import { describe, expect, it } from "vitest";
import { parseTelegramHtml, telegramHtmlProblem, telegramHtmlToText } from "./telegram-html.js";

describe("checking a message as Telegram HTML before it is sent to many people", () => {
  it.each([
    "Promo <b>hari ini</b>: diskon 10%!",
    'Cek <a href="https://t.me/toko">kanal kami</a> &amp; <i>follow</i>',
    '<blockquote expandable>panjang</blockquote><code class="language-js">x &lt; 1</code>',
    '<span class="tg-spoiler">kejutan</span> <tg-spoiler>lagi</tg-spoiler> <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>',
    "<b>tebal <i>miring <u>garis</u></i></b> &#128512; &#x1F600;",
  ])("accepts %s", (html) => {
    expect(telegramHtmlProblem(html)).toBeUndefined();
  });

  it.each([
    ["", "empty"],
    ["<div>blok</div>", "<div> is not supported"],
    ["<b>tebal", "<b> is never closed"],
    ["<b><i>x</b></i>", "</b> at character 8 closes a tag that is not open (<i> is)"],
    ["harga < 10rb", 'a "<" that does not start a tag'],
    ["Tom & Jerry", 'a lone "&"'],
    ['<a href="javascript:alert(1)">x</a>', "<a> has an unsupported href"],
    ["<a>x</a>", '<a> needs href="…"'],
    ['<b onclick="x()">x</b>', "<b> takes no attributes"],
    ['<span class="merah">x</span>', "<span> has an unsupported class"],
    ["<pre><b>x</b></pre>", "nothing can go inside <pre>"],
    ["a".repeat(4097), "at most 4096"],
  ])("refuses %.40j, saying why", (html, problem) => {
    expect(telegramHtmlProblem(html)).toContain(problem);
  });

  it("counts the length a reader sees, entities decoded and tags left out", () => {
    expect(telegramHtmlProblem(`<b>${"&amp;".repeat(4096)}</b>`)).toBeUndefined();
    expect(telegramHtmlToText('<b>Rp 10.000</b> &lt;3 <a href="https://x.id">x</a>')).toBe("Rp 10.000 <3 x");
  });

  it("gives a tree a preview can render without innerHTML", () => {
    const parsed = parseTelegramHtml('Hai <b>kak</b> <a href="https://x.id">link</a>');
    expect(parsed).toEqual({
      ok: true,
      tree: {
        tag: "",
        attributes: {},
        children: [
          "Hai ",
          { tag: "b", attributes: {}, children: ["kak"] },
          " ",
          { tag: "a", attributes: { href: "https://x.id" }, children: ["link"] },
        ],
      },
    });
  });
});
