/** A cron pattern for "every n minutes" (croner patterns cannot step past 59 minutes). */
export function everyMinutes(n: number): string {
  if (n < 60) return `*/${Math.max(1, Math.trunc(n))} * * * *`;
  return `0 */${Math.max(1, Math.round(n / 60))} * * *`;
}
