/**
 * Telegram's HTML subset, checked before a text written by a person (a broadcast, a rewritten bot
 * text) is stored: Telegram refuses the whole message when it cannot parse one tag ("can't parse
 * entities"), and a broadcast must not fail ten thousand times for one typo. Stricter than
 * Telegram on attributes (only the ones it documents, links only to http(s) and tg:), so what
 * passes here also renders in the admin app's preview without surprises.
 */
export const MESSAGE_MAX = 4096;

type AttributeRule = (attributes: Record<string, string>) => string | undefined;

const none: AttributeRule = (attributes) => (Object.keys(attributes).length > 0 ? "takes no attributes" : undefined);
const only =
  (allowed: Record<string, (value: string) => boolean>, required: string[] = []): AttributeRule =>
  (attributes) => {
    for (const name of required) if (!(name in attributes)) return `needs ${name}="…"`;
    for (const [name, value] of Object.entries(attributes)) {
      const check = allowed[name];
      if (!check) return `does not take ${name}`;
      if (!check(value)) return `has an unsupported ${name}`;
    }
    return undefined;
  };

const TAGS: Record<string, AttributeRule> = {
  b: none,
  strong: none,
  i: none,
  em: none,
  u: none,
  ins: none,
  s: none,
  strike: none,
  del: none,
  pre: none,
  "tg-spoiler": none,
  code: only({ class: (v) => /^language-[\w+#-]{1,32}$/.test(v) }),
  blockquote: only({ expandable: (v) => v === "" }),
  a: only({ href: (v) => /^(https?:\/\/|tg:\/\/)\S+$/i.test(v) }, ["href"]),
  span: only({ class: (v) => v === "tg-spoiler" }, ["class"]),
  "tg-emoji": only({ "emoji-id": (v) => /^\d{1,24}$/.test(v) }, ["emoji-id"]),
};

const ENTITY = /^&(amp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i;
const TAG = /^<(\/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*)\s*>/i;
const ATTRIBUTE = /([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/gi;

export interface HtmlNode {
  tag: string;
  attributes: Record<string, string>;
  children: Array<HtmlNode | string>;
}

/**
 * Parses Telegram HTML into a tree (text decoded), or says what is wrong, in words for the person
 * who wrote it. The tree lets a preview render the message without ever using innerHTML.
 */
export function parseTelegramHtml(html: string): { ok: true; tree: HtmlNode } | { ok: false; problem: string } {
  const root: HtmlNode = { tag: "", attributes: {}, children: [] };
  const stack: HtmlNode[] = [root];
  let text = "";
  const flush = () => {
    if (text) stack.at(-1)!.children.push(text);
    text = "";
  };
  for (let i = 0; i < html.length;) {
    const rest = html.slice(i);
    const at = `at character ${i + 1}`;
    if (rest[0] === "&") {
      const entity = ENTITY.exec(rest);
      if (!entity) return { ok: false, problem: `a lone "&" ${at}: write &amp; for an ampersand` };
      text += decodeEntity(entity[1]!);
      i += entity[0].length;
      continue;
    }
    if (rest[0] === ">") return { ok: false, problem: `a lone ">" ${at}: write &gt;` };
    if (rest[0] !== "<") {
      text += rest[0];
      i++;
      continue;
    }
    const tag = TAG.exec(rest);
    if (!tag) return { ok: false, problem: `a "<" that does not start a tag ${at}: write &lt; for a less-than sign` };
    const [whole, closing, rawName, rawAttributes] = tag;
    const name = rawName!.toLowerCase();
    const rule = TAGS[name];
    if (!rule)
      return {
        ok: false,
        problem: `<${name}> is not supported by Telegram (${at}); use b, i, u, s, a, code, pre, blockquote or tg-spoiler`,
      };
    flush();
    if (closing) {
      if (rawAttributes!.trim()) return { ok: false, problem: `</${name}> cannot have attributes (${at})` };
      const open = stack.pop();
      if (!open || open === root || open.tag !== name)
        return {
          ok: false,
          problem: `</${name}> ${at} closes a tag that is not open${open && open !== root ? ` (<${open.tag}> is)` : ""}`,
        };
    } else {
      const attributes: Record<string, string> = {};
      for (const match of rawAttributes!.matchAll(ATTRIBUTE))
        attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? "";
      const problem = rule(attributes);
      if (problem) return { ok: false, problem: `<${name}> ${problem} (${at})` };
      const parent = stack.at(-1)!;
      if (parent.tag === "pre" || parent.tag === "code")
        return { ok: false, problem: `nothing can go inside <${parent.tag}> (${at})` };
      const node: HtmlNode = { tag: name, attributes, children: [] };
      parent.children.push(node);
      stack.push(node);
    }
    i += whole.length;
  }
  flush();
  if (stack.length > 1) return { ok: false, problem: `<${stack.at(-1)!.tag}> is never closed` };
  return { ok: true, tree: root };
}

/** What is wrong with a message for Telegram, or undefined when it can be sent as it is. */
export function telegramHtmlProblem(html: string): string | undefined {
  if (html.trim() === "") return "the message is empty";
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) return parsed.problem;
  const length = plainLength(parsed.tree);
  if (length > MESSAGE_MAX) return `the message is ${length} characters long; Telegram takes at most ${MESSAGE_MAX}`;
  return undefined;
}

/** The message as a reader sees it: tags removed, entities decoded. */
export function telegramHtmlToText(html: string): string {
  const parsed = parseTelegramHtml(html);
  return parsed.ok ? textOf(parsed.tree) : html;
}

function textOf(node: HtmlNode | string): string {
  return typeof node === "string" ? node : node.children.map(textOf).join("");
}

/** Telegram counts a message's length in UTF-16 code units, as JavaScript does. */
function plainLength(node: HtmlNode): number {
  return textOf(node).length;
}

function decodeEntity(name: string): string {
  const lower = name.toLowerCase();
  if (lower === "amp") return "&";
  if (lower === "lt") return "<";
  if (lower === "gt") return ">";
  if (lower === "quot") return '"';
  const code = lower.startsWith("#x") ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}
