/** Escapes text from suppliers or customers before it goes into a Telegram HTML message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const jakartaTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const jakartaDate = new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", day: "numeric", month: "short", year: "numeric" });

/** "14:35 WIB": Indonesian shops and customers read times in Jakarta time. */
export function formatJakartaTime(epochMs: number): string {
  return `${jakartaTime.format(epochMs)} WIB`;
}

export function formatJakartaDateTime(epochMs: number): string {
  return `${jakartaDate.format(epochMs)} ${formatJakartaTime(epochMs)}`;
}
