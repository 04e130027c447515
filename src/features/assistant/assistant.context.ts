import type { BotContext } from "../../bot/context.js";
import type { DialogContext } from "../language/language.understanding.js";

/** Turns the LLM sees of the conversation so far (the rules need none). */
const RECENT_TURNS = 6;

/**
 * Where the conversation stands for reading the next message: the purchase draft says what the bot
 * asked for last ("3" is a pick while choosing, a quantity while details are gathered), the
 * transcript gives the LLM the last few turns.
 */
export async function dialogContextFor(ctx: BotContext): Promise<DialogContext> {
  const draft = ctx.session.checkout;
  let selected: DialogContext["selected"];
  if (draft.mid !== undefined && (draft.stage === "details" || draft.stage === "quoted")) {
    const service = await ctx.deps.catalog.findByMid(draft.mid);
    if (service) selected = { mid: service.mid, name: service.name, platform: service.platform, kind: service.kind };
  }
  // The message being read is already in the transcript (recorded on arrival): leave it out.
  const recent = (await ctx.deps.transcripts.recent(ctx.customer.id, RECENT_TURNS + 1))
    .slice(0, -1)
    .map((t) => ({ role: t.role, text: t.text }));
  return {
    stage: draft.stage,
    awaiting: awaitingOf(draft),
    selected,
    recent,
    language: ctx.customer.language === "en" ? "en" : "id",
  };
}

function awaitingOf(draft: BotContext["session"]["checkout"]): DialogContext["awaiting"] {
  switch (draft.stage) {
    case "choosing":
      return "pick";
    case "quoted":
      return "confirm";
    case "details":
      if (draft.target === undefined)
        return draft.targetKind === undefined || draft.targetKind === "link" ? "target" : "account";
      return draft.quantity === undefined ? "quantity" : undefined;
    case "idle":
      return undefined;
  }
}
