import { signInitData } from "../infra/telegram/init-data.js";

/** The sandbox's own shop owner: an admin in sandbox mode, so a newcomer can open the admin app. */
export const SANDBOX_ADMIN = {
  id: 7_000_001,
  firstName: "Sandbox Owner",
  username: "sandbox_owner",
  languageCode: "id",
} as const;

/** Telegram's default light theme, as a client passes it to a Mini App. */
const THEME = {
  bg_color: "#ffffff",
  secondary_bg_color: "#f1f1f4",
  section_bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#999999",
  link_color: "#2481cc",
  button_color: "#2481cc",
  button_text_color: "#ffffff",
  header_bg_color: "#ffffff",
  accent_text_color: "#2481cc",
  destructive_text_color: "#e53935",
  subtitle_text_color: "#999999",
  section_header_text_color: "#6d6d72",
};

/**
 * The URL a Telegram client opens for a Mini App: the app's address with the launch parameters in
 * the hash, including initData genuinely signed with the bot's token (the sandbox knows its own),
 * so the server checks it exactly as it checks Telegram's.
 */
export function miniAppLaunchUrl(
  appUrl: string,
  botToken: string,
  user: { id: number; firstName: string; username?: string; languageCode?: string },
  now: Date,
): string {
  const params = new URLSearchParams({
    tgWebAppData: signInitData(user, botToken, now),
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "tdesktop",
    tgWebAppThemeParams: JSON.stringify(THEME),
  });
  return `${appUrl}#${params.toString()}`;
}
