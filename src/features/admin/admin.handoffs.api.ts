import { z } from "zod";
import type { Customer } from "../customers/customers.service.js";
import type { Handoff } from "../assistant/handoff.service.js";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { actorNamer } from "./admin.actors.js";
import { requirePermission } from "./admin.auth.js";
import { idParam, jsonBody } from "./admin.http.js";
import type {
  HandoffCustomer,
  HandoffDetail,
  HandoffEnded,
  HandoffInbox,
  HandoffReplied,
  HandoffView,
} from "./contracts/handoffs.contract.js";

const ReplyBody = z.object({
  text: z
    .string({ message: "write the answer" })
    .trim()
    .min(1, "write the answer")
    .max(3_800, "at most 3800 characters"),
});
/** Turns of the conversation shown with a hand-off: what led to it and what was said since. */
const TRANSCRIPT_TURNS = 60;
const RECENT = 20;

const person = (c: Customer): HandoffCustomer => ({
  id: c.id,
  telegramId: c.telegramId,
  username: c.username,
  firstName: c.firstName,
  language: c.language,
});
const view = (h: Handoff): HandoffView => ({
  number: h.number,
  reason: h.reason,
  status: h.status,
  openedAt: h.openedAt,
  closedAt: h.closedAt,
});

const problems = {
  not_found: (n: number) => new AppError("admin.not_found", `no hand-off #${n}`),
  closed: (n: number) => new AppError("admin.conflict", `hand-off #${n} has already ended; the message was not sent`),
  /** Ending one that has ended: nothing was sent to anyone, nothing to say about a message. */
  already_ended: (n: number) => new AppError("admin.conflict", `hand-off #${n} has already ended`),
  unreachable: (n: number) =>
    new AppError(
      "admin.conflict",
      `the answer to hand-off #${n} did not arrive: the customer blocked the bot or deleted the chat`,
    ),
};

/** The services this area is given (admin.areas.ts). */
export type HandoffsAreaDeps = Pick<AdminServices, "handoff" | "customers" | "transcripts" | "admins">;

/**
 * The hand-off inbox (operate: every role). Open hand-offs and the latest ended ones, each with the
 * customer's conversation; an answer goes to the customer through the bot, exactly as an admin's
 * Telegram reply does (and is recorded in the transcript); ending one tells the customer the bot
 * is back. The hand-off service does the work; the chat commands use the same calls.
 */
export const handoffsArea: AdminArea<HandoffsAreaDeps> = (api, deps) => {
  api.get("/handoffs", requirePermission("operate"), async (c) => {
    const [open, recent, nameOf] = await Promise.all([
      deps.handoff.listOpen(),
      deps.handoff.listRecentlyClosed(RECENT),
      actorNamer(deps.admins),
    ]);
    return c.json({
      open: open.map(({ handoff, customer }) => ({ ...view(handoff), customer: person(customer) })),
      recent: recent.map(({ handoff, customer, closedBy }) => ({
        ...view(handoff),
        closedBy,
        closedByName: closedBy ? nameOf(closedBy).name : null,
        customer: person(customer),
      })),
    } satisfies HandoffInbox);
  });

  api.get("/handoffs/:number", requirePermission("operate"), async (c) => {
    const number = idParam(c, "number");
    const handoff = await deps.handoff.find(number);
    if (!handoff) throw problems.not_found(number);
    const customer = await deps.customers.findById(handoff.customerId);
    if (!customer) throw problems.not_found(number);
    const transcript = await deps.transcripts.recent(customer.id, TRANSCRIPT_TURNS);
    return c.json({ handoff: view(handoff), customer: person(customer), transcript } satisfies HandoffDetail);
  });

  api.post("/handoffs/:number/reply", requirePermission("operate"), async (c) => {
    const number = idParam(c, "number");
    const { text } = await jsonBody(c, ReplyBody);
    const result = await deps.handoff.reply(number, text);
    if (!result.ok) throw problems[result.error](number);
    return c.json({ sent: true } satisfies HandoffReplied);
  });

  api.post("/handoffs/:number/end", requirePermission("operate"), async (c) => {
    const number = idParam(c, "number");
    const result = await deps.handoff.close(number, { admin: c.get("admin").telegramId });
    if (!result.ok) throw problems[result.error === "closed" ? "already_ended" : result.error](number);
    return c.json({ handoff: view(result.value.handoff) } satisfies HandoffEnded);
  });
};
