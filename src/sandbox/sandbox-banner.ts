/** What `npm start` prints once the sandbox listens: every page a newcomer needs, one per line. */
export function sandboxBanner(url: string): string {
  return [
    "",
    "  Sandbox shop is running — no Telegram, Midtrans or supplier account needed.",
    `  Chat as a customer and pay invoices:  ${url}/sandbox`,
    `  Run the shop (admin app, as owner):   ${url}/sandbox/admin`,
    `  Health check:                         ${url}/healthz`,
    "  Set TELEGRAM_BOT_TOKEN (see .env.example) to run the real bot.",
    "",
  ].join("\n");
}
