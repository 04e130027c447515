import type { Audience } from "./team.types";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** "All customers", "Buyers of the last 30 days". */
export function audienceLabel(t: Translate, audience: Audience): string {
  return audience.kind === "all"
    ? t("broadcasts.audience.all")
    : t("broadcasts.audience.buyers", { days: audience.days });
}

/** Whole days from a text field (1–3650, as the server takes), or undefined. */
export function parseDays(text: string): number | undefined {
  const days = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : undefined;
  return days !== undefined && days >= 1 && days <= 3_650 ? days : undefined;
}

/** The broadcast lane sends at most this many a second (src/container.ts), for the time estimate. */
export const BROADCAST_PER_SECOND = 25;

/** How long sending to `recipients` takes at the broadcast pace: "8 detik", "7 menit". */
export function sendingTime(t: Translate, recipients: number): string {
  const seconds = Math.max(1, Math.ceil(recipients / BROADCAST_PER_SECOND));
  return seconds < 60
    ? t("broadcast.duration.seconds", { count: seconds })
    : t("broadcast.duration.minutes", { count: Math.ceil(seconds / 60) });
}
