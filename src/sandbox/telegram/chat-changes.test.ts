import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramEmulator } from "./bot-api-emulator.js";
import { createChatFileStore } from "./chat-store.js";

/**
 * The chat page's contract with the emulator: it polls with `since` (the newest revision it has)
 * and gets every change after it plus the new `cursor`. The bot talks through the real Bot API
 * routes, as grammY would.
 */
const TOKEN = "7000000001:SANDBOXtest";
const BUDI = 100001;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function emulator(store?: ReturnType<typeof createChatFileStore>) {
  const telegram = createTelegramEmulator({ token: TOKEN, ...(store ? { store } : {}) });
  const call = async (method: string, body: Record<string, unknown>) => {
    const res = await telegram.routes.request(`/bot${TOKEN}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; result: unknown };
  };
  return { telegram, call };
}

/** Polls like the page: `since` starts at 0 and follows the cursor. */
function pager(telegram: ReturnType<typeof createTelegramEmulator>, chatId: number) {
  let since = 0;
  const seen = new Map<number, string>();
  const toasts: string[] = [];
  return {
    poll() {
      const changes = telegram.changesSince(chatId, since);
      for (const m of changes.messages) seen.set(m.message_id, m.plain);
      toasts.push(...changes.toasts.map((t) => t.text));
      since = changes.cursor;
    },
    seen: () => [...seen.values()],
    toasts,
  };
}

describe("the chat's changes, as the sandbox page reads them", () => {
  it("hands over every message one poll at a time: the customer's own and each bot reply", async () => {
    const { telegram, call } = emulator();
    const page = pager(telegram, BUDI);
    page.poll();
    telegram.userSays(BUDI, "mau beli followers instagram");
    page.poll();
    expect(page.seen()).toEqual(["mau beli followers instagram"]);
    await call("sendMessage", { chat_id: BUDI, text: "Ini pilihannya" });
    page.poll();
    await call("sendMessage", { chat_id: BUDI, text: "Pilih nomor ID" });
    page.poll();
    telegram.userSays(BUDI, "saya pilih ID 2");
    await call("sendMessage", { chat_id: BUDI, text: "Ringkasan pesanan" });
    page.poll();
    page.poll();
    expect(page.seen()).toEqual([
      "mau beli followers instagram",
      "Ini pilihannya",
      "Pilih nomor ID",
      "saya pilih ID 2",
      "Ringkasan pesanan",
    ]);
  });

  it("hands over an edit of a message the page already has", async () => {
    const { telegram, call } = emulator();
    const page = pager(telegram, BUDI);
    const sent = (await call("sendMessage", { chat_id: BUDI, text: "Menunggu pembayaran" })).result as {
      message_id: number;
    };
    page.poll();
    await call("editMessageText", { chat_id: BUDI, message_id: sent.message_id, text: "Lunas" });
    page.poll();
    expect(page.seen()).toEqual(["Lunas"]);
  });

  it("shows a toast once, and none of the old ones to a page that just opened", async () => {
    const { telegram, call } = emulator();
    const sent = (
      await call("sendMessage", {
        chat_id: BUDI,
        text: "Ringkasan",
        reply_markup: { inline_keyboard: [[{ text: "Bayar", callback_data: "pay:1" }]] },
      })
    ).result as { message_id: number };
    const open = pager(telegram, BUDI);
    open.poll();
    const press = telegram.userPresses(BUDI, sent.message_id, "pay:1") as unknown as { callback_query: { id: string } };
    await call("answerCallbackQuery", { callback_query_id: press.callback_query.id, text: "Membuat QRIS…" });
    open.poll();
    open.poll();
    expect(open.toasts).toEqual(["Membuat QRIS…"]);
    const reopened = pager(telegram, BUDI);
    reopened.poll();
    expect(reopened.toasts).toEqual([]);
    expect(reopened.seen()).toEqual(["Ringkasan"]);
  });

  it("keeps the chats, photos and numbering in a file, so a restart shows the same history", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-chats-"));
    dirs.push(dir);
    const path = join(dir, "sandbox-chats.json");
    const first = emulator(createChatFileStore(path));
    first.telegram.userSays(BUDI, "halo");
    await first.call("sendMessage", { chat_id: BUDI, text: "Halo <b>Budi</b>", parse_mode: "HTML" });
    const cursorBefore = first.telegram.changesSince(BUDI, 0).cursor;
    first.telegram.close();

    const second = emulator(createChatFileStore(path));
    expect(second.telegram.messagesIn(BUDI).map((m) => m.plain)).toEqual(["halo", "Halo Budi"]);
    const page = pager(second.telegram, BUDI);
    page.poll();
    second.telegram.userSays(BUDI, "lagi");
    page.poll();
    expect(page.seen()).toEqual(["halo", "Halo Budi", "lagi"]);
    // Numbering goes on where it stopped: a page left open keeps following.
    const ids = second.telegram.messagesIn(BUDI).map((m) => m.message_id);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(second.telegram.changesSince(BUDI, cursorBefore).messages.map((m) => m.plain)).toEqual(["lagi"]);
    second.telegram.close();
  });

  it("starts with empty chats when the file is unreadable, instead of refusing to start", () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-chats-"));
    dirs.push(dir);
    const path = join(dir, "sandbox-chats.json");
    writeFileSync(path, "{not json");
    const { telegram } = emulator(createChatFileStore(path));
    expect(telegram.messagesIn(BUDI)).toEqual([]);
    telegram.userSays(BUDI, "halo");
    telegram.close();
    expect(
      createChatFileStore(path)
        .load()
        ?.messages.map((m) => m.plain),
    ).toEqual(["halo"]);
  });
});
