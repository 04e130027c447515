import { parseTelegramHtml, telegramHtmlToText, type HtmlNode } from "../../shared/telegram-html.js";
import type { ChannelCapabilities, ChannelMessage, ReplyButton, ReplyImage } from "./channel.types.js";

/** A message in the form one channel can carry: its markup, and only the parts it can show. */
export interface RenderedMessage {
  text: string;
  buttons: ReplyButton[][] | undefined;
  image: ReplyImage | undefined;
}

const MARKDOWN: Record<string, [string, string]> = {
  b: ["*", "*"],
  strong: ["*", "*"],
  i: ["_", "_"],
  em: ["_", "_"],
  s: ["~", "~"],
  del: ["~", "~"],
  strike: ["~", "~"],
  code: ["```", "```"],
  pre: ["```", "```"],
};

function markdownOf(node: HtmlNode | string): string {
  if (typeof node === "string") return node;
  const inner = node.children.map(markdownOf).join("");
  const wrap = MARKDOWN[node.tag];
  if (wrap) return `${wrap[0]}${inner}${wrap[1]}`;
  // A link keeps its address, which a channel without links cannot otherwise show.
  if (node.tag === "a" && node.attributes.href && node.attributes.href !== inner)
    return `${inner} (${node.attributes.href})`;
  return inner;
}

const textFor = (markup: ChannelCapabilities["markup"], html: string): string => {
  if (markup === "html") return html;
  if (markup === "plain") return telegramHtmlToText(html);
  const parsed = parseTelegramHtml(html);
  return parsed.ok ? markdownOf(parsed.tree) : html;
};

/**
 * The shop's message model in one channel's terms: the HTML kept, turned into WhatsApp-style
 * markdown or into plain text; buttons a channel cannot press listed under the text by label;
 * an image a channel cannot show replaced by its alt text. Nothing a customer should read is lost.
 */
export function renderForChannel(capabilities: ChannelCapabilities, message: ChannelMessage): RenderedMessage {
  const lines = [textFor(capabilities.markup, message.html)];
  const image = message.image && capabilities.images ? message.image : undefined;
  if (message.image && !image) lines.push(message.image.alt);
  const rows = message.buttons?.filter((row) => row.length > 0) ?? [];
  const buttons = capabilities.buttons && rows.length > 0 ? rows : undefined;
  if (!capabilities.buttons && rows.length > 0)
    lines.push(
      rows
        .flat()
        .map((b) => `• ${b.text}`)
        .join("\n"),
    );
  return { text: lines.filter((l) => l !== "").join("\n\n"), buttons, image };
}
