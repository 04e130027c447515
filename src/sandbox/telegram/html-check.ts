/**
 * Telegram refuses HTML messages it cannot parse ("Bad Request: can't parse entities"). The emulator
 * applies the same rule so an unescaped supplier name fails in tests, not in front of a customer.
 */
const ALLOWED = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "span",
  "blockquote",
  "tg-emoji",
]);

export function htmlProblem(text: string): string | undefined {
  const stack: string[] = [];
  const tag = /<(\/?)([a-z-]+)(?:\s[^<>]*)?>|<|&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/gi;
  for (const match of text.matchAll(tag)) {
    if (match[0] === "<") return `Unsupported start tag at byte offset ${match.index}`;
    if (match[0].startsWith("&")) return `Unsupported entity at byte offset ${match.index}`;
    const [, closing, name] = match;
    const lower = name!.toLowerCase();
    if (!ALLOWED.has(lower)) return `Unsupported start tag "${lower}" at byte offset ${match.index}`;
    if (!closing) stack.push(lower);
    else if (stack.pop() !== lower) return `Can't find end tag corresponding to start tag "${lower}"`;
  }
  return stack.length > 0 ? `Can't find end tag corresponding to start tag "${stack.at(-1)}"` : undefined;
}

/** What a reader sees: tags removed, entities decoded. */
export function htmlToText(text: string): string {
  return text
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, "&");
}
