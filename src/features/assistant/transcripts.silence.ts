import { AsyncLocalStorage } from "node:async_hooks";

const silenced = new AsyncLocalStorage<true>();

/**
 * Sends without the outgoing transcript recorder: for messages the caller records itself under
 * another role (an admin's words carried by the bot are the admin's turn, not the bot's).
 */
export function unrecorded<T>(send: () => Promise<T>): Promise<T> {
  return silenced.run(true, send);
}

export function isUnrecorded(): boolean {
  return silenced.getStore() === true;
}
