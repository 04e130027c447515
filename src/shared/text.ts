/** Escapes text from suppliers or customers before it goes into a Telegram HTML message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const jakartaTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Jakarta",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const jakartaDate = new Intl.DateTimeFormat("id-ID", {
  timeZone: "Asia/Jakarta",
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** "14:35 WIB": Indonesian shops and customers read times in Jakarta time. */
export function formatJakartaTime(epochMs: number): string {
  return `${jakartaTime.format(epochMs)} WIB`;
}

export function formatJakartaDateTime(epochMs: number): string {
  return `${jakartaDate.format(epochMs)} ${formatJakartaTime(epochMs)}`;
}

/**
 * A count a customer reads ("1.500" in Indonesian, "1,500" in English). It is grouped by the
 * language of the message it lands in, when that message is rendered; plain data, so it also
 * survives the notification outbox, whose messages are rendered later in the recipient's language.
 */
export interface Count {
  readonly count: number;
}

export function asCount(value: number): Count {
  return { count: value };
}

export function isCount(value: unknown): value is Count {
  return typeof value === "object" && value !== null && typeof (value as Count).count === "number";
}

/** A count grouped for a reader of `language`, for text composed outside the locale files. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-US" : "id-ID").format(value);
}
