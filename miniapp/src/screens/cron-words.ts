type Translate = (key: string, vars?: Record<string, string | number>) => string;

const NUMBER = /^\d+$/;
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A five-field cron schedule in words, for the shapes a shop uses ("15 *\/6 * * *" → "every 6
 * hours at minute 15", "0 3 * * *" → "every day at 03:00", "30 8 * * 1" → "every Monday at
 * 08:30"); anything else is named a custom schedule with its expression.
 */
export function cronInWords(t: Translate, expression: string): string {
  const fields = expression.trim().split(/\s+/);
  const raw = () => t("cron.raw", { expression: expression.trim() });
  if (fields.length !== 5) return raw();
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  if (day !== "*" || month !== "*") return raw();
  const everyMinutes = /^\*\/(\d+)$/.exec(minute);
  if (everyMinutes && hour === "*" && weekday === "*") return t("cron.every_minutes", { n: Number(everyMinutes[1]) });
  if (!NUMBER.test(minute) || Number(minute) > 59) return raw();
  const m = Number(minute);
  if (hour === "*" && weekday === "*") return t("cron.every_hour", { minute: m });
  const everyHours = /^(?:\*|0)\/(\d+)$/.exec(hour);
  if (everyHours && weekday === "*") return t("cron.every_hours", { n: Number(everyHours[1]), minute: m });
  const hours = hour.split(",");
  if (!hours.every((h) => NUMBER.test(h) && Number(h) <= 23)) return raw();
  const times = hours.map((h) => `${pad(Number(h))}:${pad(m)}`);
  if (weekday === "*")
    return times.length === 1
      ? t("cron.daily", { time: times[0]! })
      : t("cron.daily_many", { times: times.join(t("cron.and")) });
  if (NUMBER.test(weekday) && Number(weekday) <= 7 && times.length === 1)
    return t("cron.weekly", { day: t(`cron.day.${weekday}`), time: times[0]! });
  return raw();
}
