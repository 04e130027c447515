import type { ChannelId, MessageChannel } from "./channel.types.js";

/** The channels the shop can reach people on, keyed by id (`Recipient.channel`). */
export interface ChannelRegistry {
  get(id: ChannelId): MessageChannel | undefined;
  /** The channel of a recipient; a recipient on a channel that is not registered is a programming error. */
  require(id: ChannelId): MessageChannel;
  list(): MessageChannel[];
}

export function createChannelRegistry(channels: [MessageChannel, ...MessageChannel[]]): ChannelRegistry {
  const byId = new Map(channels.map((c) => [c.id, c]));
  if (byId.size !== channels.length) throw new Error("two message channels share an id");
  const kinds = new Set(channels.map((c) => c.lane.jobKind));
  const lanes = new Set(channels.map((c) => c.lane.name));
  if (kinds.size !== channels.length || lanes.size !== channels.length)
    throw new Error("two message channels share a job kind or a lane");
  return {
    get: (id) => byId.get(id),
    require(id) {
      const channel = byId.get(id);
      if (!channel) throw new Error(`no message channel "${id}"`);
      return channel;
    },
    list: () => [...channels],
  };
}
