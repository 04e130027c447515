import type { ReactNode } from "react";
import type { HtmlNode } from "./team.types";

/**
 * A message as Telegram shows it, built from the server's parse of its HTML (the tags Telegram
 * takes, text already decoded): React elements only, never innerHTML, so nothing typed in a
 * broadcast can run in the admin app.
 */
export function BroadcastMessage(props: { tree: HtmlNode; testId?: string }) {
  return (
    <div className="tg-message" data-testid={props.testId}>
      {props.tree.children.map(render)}
    </div>
  );
}

function render(node: HtmlNode | string, key: number): ReactNode {
  if (typeof node === "string") return node;
  const children = node.children.map(render);
  switch (node.tag) {
    case "b":
    case "strong":
      return <strong key={key}>{children}</strong>;
    case "i":
    case "em":
      return <em key={key}>{children}</em>;
    case "u":
    case "ins":
      return <u key={key}>{children}</u>;
    case "s":
    case "strike":
    case "del":
      return <s key={key}>{children}</s>;
    case "code":
      return <code key={key}>{children}</code>;
    case "pre":
      return <pre key={key}>{children}</pre>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "a":
      return (
        <a key={key} href={node.attributes.href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    case "tg-spoiler":
    case "span":
      return (
        <span key={key} className="tg-spoiler">
          {children}
        </span>
      );
    default:
      // tg-emoji and anything newer: its text (a custom emoji's fallback).
      return <span key={key}>{children}</span>;
  }
}
