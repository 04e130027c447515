import type { Bot } from "grammy";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

const COMMANDS = {
  id: [
    { command: "start", description: "Menu utama" },
    { command: "pesanan", description: "Riwayat pesanan" },
    { command: "saldo", description: "Saldo dompet" },
    { command: "bahasa", description: "Ganti bahasa" },
    { command: "bantuan", description: "Cara pesan" },
    { command: "batal", description: "Batalkan pesanan yang sedang diisi" },
    { command: "cs", description: "Bicara dengan admin" },
  ],
  en: [
    { command: "start", description: "Main menu" },
    { command: "orders", description: "Order history" },
    { command: "balance", description: "Wallet balance" },
    { command: "language", description: "Change language" },
    { command: "help", description: "How to order" },
    { command: "cancel", description: "Drop the order in progress" },
    { command: "human", description: "Talk to a person" },
  ],
};

/** The command menu in both languages. A failure here is cosmetic: logged, never fatal. */
export async function registerCommands(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(COMMANDS.id);
    await bot.api.setMyCommands(COMMANDS.en, { language_code: "en" });
  } catch (error) {
    logger.warn({ err: error }, "cannot set the bot's command menu");
  }
}
