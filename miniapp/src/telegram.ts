import {
  backButton,
  emitEvent,
  init,
  mainButton,
  miniApp,
  mockTelegramEnv,
  retrieveRawInitData,
  themeParams,
} from "@tma.js/sdk-react";

/**
 * Telegram plumbing: inside Telegram the SDK talks to the client; in a plain browser (the sandbox
 * page, browser tests) there is no client, so the SDK is pointed at a mock and the app draws its
 * own Main and Back buttons (BrowserShell) from the same calls the SDK would send to Telegram.
 */

export interface ShellButtons {
  main: { visible: boolean; text: string; enabled: boolean; loading: boolean };
  back: { visible: boolean };
}

let shell: ShellButtons = {
  main: { visible: false, text: "", enabled: true, loading: false },
  back: { visible: false },
};
const listeners = new Set<() => void>();
const setShell = (next: ShellButtons) => {
  shell = next;
  listeners.forEach((listener) => listener());
};

export const shellStore = {
  get: () => shell,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  pressMain: () => emitEvent("main_button_pressed"),
  pressBack: () => emitEvent("back_button_pressed"),
};

declare global {
  interface Window {
    TelegramWebviewProxy?: unknown;
  }
}

/** True when a Telegram client hosts the app (mobile/desktop webview, or Telegram Web's iframe). */
function hostedByTelegram(): boolean {
  return window.TelegramWebviewProxy !== undefined || window.parent !== window;
}

export let inBrowserShell = false;

export function startTelegram(): void {
  if (!hostedByTelegram()) {
    inBrowserShell = true;
    mockTelegramEnv({
      // The sandbox passes genuinely signed launch parameters in the URL hash, as Telegram does.
      launchParams: new URLSearchParams(window.location.hash.slice(1)),
      onEvent(event) {
        if (event.name === "web_app_setup_main_button") {
          const p = event.params as {
            is_visible?: boolean;
            text?: string;
            is_active?: boolean;
            is_progress_visible?: boolean;
          };
          setShell({
            ...shell,
            main: {
              visible: Boolean(p.is_visible),
              text: p.text ?? "",
              enabled: p.is_active !== false,
              loading: Boolean(p.is_progress_visible),
            },
          });
        } else if (event.name === "web_app_setup_back_button") {
          setShell({ ...shell, back: { visible: Boolean((event.params as { is_visible?: boolean }).is_visible) } });
        }
      },
    });
  }
  init();
  backButton.mount();
  mainButton.mount();
  themeParams.mount();
  themeParams.bindCssVars();
  miniApp.mount();
  miniApp.ready();
}

/** What every API request carries to prove who is asking. */
export function rawInitData(): string {
  return retrieveRawInitData() ?? "";
}

export function isDark(): boolean {
  return miniApp.isDark();
}
