import type { NextFunction } from "grammy";
import type { Cluster } from "../infra/db/cluster.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";

/** Longer than any one update's handling (an LLM answer included); a dead instance's lock frees itself after it. */
const CHAT_LOCK_MS = 30_000;
/** Past this, the update goes ahead unlocked rather than keep the customer (and Telegram's webhook call) waiting. */
const WAIT_LIMIT_MS = 8_000;
const RETRY_MS = 25;

export interface ChatLocks {
  /** Runs `work` while no other instance runs work for the same chat. */
  run<T>(chat: string, work: () => Promise<T>): Promise<T>;
}

/**
 * One update at a time per chat across instances, as `sequentialize` does within one process:
 * the session and the purchase draft are read at the start of an update and written at its end,
 * so two updates of one chat on two instances at once would lose one's changes. A lease row per
 * chat (`chat:<id>`), taken before the session is read and handed back after it is written.
 */
export function createChatLocks(cluster: Cluster, logger: Logger): ChatLocks {
  let runs = 0;
  return {
    async run(chat, work) {
      const name = `chat:${chat}`;
      // Each run holds the lock as itself, so even two runs in one process exclude each other.
      const holder = `${cluster.instanceId}#${++runs}`;
      const deadline = performance.now() + WAIT_LIMIT_MS;
      let held = await cluster.takeLease(name, CHAT_LOCK_MS, holder);
      while (!held && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        held = await cluster.takeLease(name, CHAT_LOCK_MS, holder);
      }
      if (!held)
        logger.warn({ chat }, "another instance held this chat's lock too long; handling the update without it");
      try {
        return await work();
      } finally {
        if (held)
          await cluster
            .releaseLease(name, holder)
            .catch((error: unknown) =>
              logger.warn({ err: error, chat }, "cannot hand a chat lock back; it runs out by itself"),
            );
      }
    },
  };
}

/** The middleware: on a shared database only (SQLite is one process, where `sequentialize` suffices). */
export function lockChatAcrossInstances(locks: ChatLocks | undefined) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const chat = ctx.chat?.id.toString() ?? ctx.from?.id.toString();
    if (!locks || !chat) return next();
    await locks.run(chat, next);
  };
}
