import { escapeHtml } from "../../shared/text.js";
import type { Customer } from "../customers/customers.service.js";
import type { Turn } from "./transcripts.service.js";

/** Turns shown to admins when a hand-off opens. */
export const ALERT_TURNS = 10;
/**
 * Room for the transcript inside one Telegram message (4,096 characters) next to the alert's own
 * lines, the customer's name and the instructions, counted on the escaped HTML.
 */
const TRANSCRIPT_BUDGET = 2_800;
const TURN_MAX = 400;
/** A relayed or answered text with its short prefix must fit one message. */
export const MESSAGE_TEXT_MAX = 3_800;

const ROLE_MARK: Record<Turn["role"], string> = { customer: "👤", bot: "🤖", admin: "🧑‍💼" };

/**
 * Escapes `text` for Telegram HTML and clips it so the escaped result is at most `max` characters
 * (escaping lengthens text, so clipping first could still overflow, and clipping after could cut an
 * entity in half).
 */
export function clipEscaped(text: string, max: number): string {
  let out = "";
  for (const char of text) {
    const piece = escapeHtml(char);
    if (out.length + piece.length > max - 1) return `${out}…`;
    out += piece;
  }
  return out;
}

/** "<b>Budi</b> (@budi) · id 100001", escaped: names are the customer's own words. */
export function customerLabel(customer: Pick<Customer, "firstName" | "username" | "telegramId">): string {
  const name = `<b>${clipEscaped(customer.firstName || "?", 64)}</b>`;
  const username = customer.username ? ` (@${clipEscaped(customer.username, 64)})` : "";
  return `${name}${username} · id ${customer.telegramId}`;
}

/**
 * The recent conversation for an admin: one line per turn marked by who spoke (emoji, so no
 * language is needed), newest kept first when the budget runs out. Empty when nothing was said.
 */
export function renderTranscript(turns: readonly Turn[], budget = TRANSCRIPT_BUDGET): string {
  const lines: string[] = [];
  let used = 0;
  for (const turn of [...turns].reverse()) {
    const line = `${ROLE_MARK[turn.role]} ${clipEscaped(turn.text.replace(/\s+/g, " ").trim(), TURN_MAX)}`;
    if (used + line.length + 1 > budget) break;
    lines.unshift(line);
    used += line.length + 1;
  }
  return lines.join("\n");
}
