import "./TelegramPreview.css";
import type { ReactNode } from "react";
import { parseTelegramHtml, type HtmlNode } from "../../../src/shared/telegram-html";

/**
 * A message in Telegram's HTML as a chat would show it, drawn from the same parser the server
 * checks texts with (src/shared/telegram-html.ts), so the preview and the server never disagree.
 * Built as React elements, never innerHTML: the text is the admin's, but a preview must not run
 * anything. A text the parser refuses shows the problem instead.
 */
export function TelegramPreview(props: {
  html: string;
  testId?: string;
  problemText: (problem: string) => string;
  fill?: (text: string) => string;
}) {
  // Placeholders are filled in the text only, after parsing: a problem's position stays where the admin typed it.
  const parsed = parseTelegramHtml(props.html);
  if (!parsed.ok) {
    return (
      <div
        className="tg-preview tg-preview-problem"
        role="alert"
        data-testid={props.testId ? `${props.testId}-problem` : undefined}
      >
        {props.problemText(parsed.problem)}
      </div>
    );
  }
  return <TelegramMessage tree={parsed.tree} testId={props.testId} fill={props.fill} />;
}

/** A message already parsed (here, or by the server for a broadcast preview), drawn as a chat bubble. */
export function TelegramMessage(props: {
  tree: HtmlNode;
  testId?: string | undefined;
  fill?: ((text: string) => string) | undefined;
}) {
  const fill = props.fill ?? ((text: string) => text);
  const render = (node: HtmlNode | string, index: number): ReactNode =>
    typeof node === "string" ? fill(node) : element(node, index, node.children.map(render));
  return (
    <div className="tg-preview" data-testid={props.testId}>
      {props.tree.children.map(render)}
    </div>
  );
}

function element(node: HtmlNode, index: number, children: ReactNode[]): ReactNode {
  switch (node.tag) {
    case "b":
    case "strong":
      return <b key={index}>{children}</b>;
    case "i":
    case "em":
      return <i key={index}>{children}</i>;
    case "u":
    case "ins":
      return <u key={index}>{children}</u>;
    case "s":
    case "strike":
    case "del":
      return <s key={index}>{children}</s>;
    case "code":
      return <code key={index}>{children}</code>;
    case "pre":
      return <pre key={index}>{children}</pre>;
    case "blockquote":
      return <blockquote key={index}>{children}</blockquote>;
    case "a":
      // The parser only lets http(s) and tg: links through.
      return (
        <a key={index} href={node.attributes.href} target="_blank" rel="noreferrer noopener">
          {children}
        </a>
      );
    case "tg-spoiler":
    case "span":
      return (
        <span key={index} className="tg-preview-spoiler">
          {children}
        </span>
      );
    default:
      // tg-emoji and anything newer: its text (a custom emoji's fallback).
      return <span key={index}>{children}</span>;
  }
}
