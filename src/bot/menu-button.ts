import type { Api } from "grammy";
import type { MenuButton } from "grammy/types";
import type { AdminsService } from "../features/admin/admins.service.js";
import type { Logger } from "../logger.js";

/**
 * Each staff member's chat with the bot gets a menu button that opens the admin Mini App; someone
 * removed from the staff gets the default button back. Telegram opens Mini Apps only from https
 * addresses, so without an https PUBLIC_URL (the sandbox, a shop without TLS yet) nothing is set:
 * staff then use /admin (its app button is a plain link there).
 */
export function createAdminMenuButtons(deps: {
  api: Api;
  admins: AdminsService;
  publicUrl: string | undefined;
  label: string;
  logger: Logger;
}) {
  const { api, admins, logger } = deps;
  const url = deps.publicUrl?.startsWith("https://") ? `${deps.publicUrl.replace(/\/+$/, "")}/miniapp/` : undefined;
  // Whom this process gave the button; after a restart the earlier list is unknown (a removed
  // member keeps the button, which opens an app that refuses them).
  let given = new Set<number>();
  let running: Promise<void> = Promise.resolve();

  const setFor = async (chatId: number, menuButton: MenuButton) => {
    try {
      await api.setChatMenuButton({ chat_id: chatId, menu_button: menuButton });
      return true;
    } catch (error) {
      // Most often: this person never opened a chat with the bot. Cosmetic, so logged, never fatal.
      logger.warn({ err: error, chatId }, "cannot set the admin menu button for this chat");
      return false;
    }
  };

  const sync = async (): Promise<void> => {
    if (!url) return;
    const staff = new Set(await admins.allIds());
    for (const id of staff) await setFor(id, { type: "web_app", text: deps.label, web_app: { url } });
    for (const id of given) if (!staff.has(id)) await setFor(id, { type: "default" });
    given = staff;
  };

  return {
    url,
    /** Sets the buttons for the staff as they are now; calls queue behind each other. */
    sync(): Promise<void> {
      running = running
        .then(sync, sync)
        .catch((error: unknown) => logger.warn({ err: error }, "cannot update the admin menu buttons"));
      return running;
    },
  };
}

export type AdminMenuButtons = ReturnType<typeof createAdminMenuButtons>;
