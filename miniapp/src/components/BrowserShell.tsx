import { useSyncExternalStore } from "react";
import { inBrowserShell, shellStore } from "../telegram";

/**
 * Outside Telegram (the sandbox, browser tests) nobody draws the Main and Back buttons, so this
 * does, from the same calls the app makes to Telegram. Inside Telegram it renders nothing.
 */
export function BrowserShell() {
  const shell = useSyncExternalStore(shellStore.subscribe, shellStore.get);
  if (!inBrowserShell) return null;
  return (
    <>
      {shell.back.visible && (
        <button type="button" data-testid="back-button" className="shell-back" onClick={() => shellStore.pressBack()}>
          ‹
        </button>
      )}
      {shell.main.visible && (
        <button
          type="button"
          data-testid="main-button"
          className="shell-main"
          disabled={!shell.main.enabled}
          onClick={() => shellStore.pressMain()}
        >
          {shell.main.loading ? "…" : shell.main.text}
        </button>
      )}
    </>
  );
}
