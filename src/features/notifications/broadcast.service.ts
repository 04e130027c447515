import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { Pacer } from "../../infra/clock/pacer.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { AppError, errorMessage } from "../../shared/errors.js";
import {
  parseTelegramHtml,
  telegramHtmlProblem,
  telegramHtmlToText,
  type HtmlNode,
} from "../../shared/telegram-html.js";
import { truncate } from "../../shared/text.js";
import type { AuditService } from "../audit/audit.service.js";
import { TELEGRAM } from "../channels/channel.types.js";
import { RetryJob, type JobContext, type JobQueue } from "../jobs/job-queue.js";
import {
  cancelBroadcast,
  countAudience,
  findBroadcast,
  findRecipient,
  finishIfDone,
  insertBroadcast,
  insertRecipients,
  listBroadcasts,
  recipientCounts,
  selectAudience,
  settleRecipient,
  type Audience,
} from "./broadcast.repository.js";
import type { BroadcastRow, RecipientStatus } from "./broadcast.table.js";
import { RateLimited, RecipientUnreachable, type NotificationsService } from "./notifications.service.js";

export type { Audience } from "./broadcast.repository.js";

/** The outbox job that sends a broadcast to one customer. */
export const BROADCAST_JOB = "broadcast";

const DAY = 86_400_000;
const AudienceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("all") }),
    z.object({
      kind: z.literal("buyers"),
      days: z
        .number({ message: "days is a whole number" })
        .int("days is a whole number")
        .min(1, "at least 1 day")
        .max(3_650, "at most 3650 days"),
    }),
  ],
  { message: 'the audience is {"kind":"all"} or {"kind":"buyers","days":N}' },
);
const StartInput = z.object({
  html: z
    .string({ message: "the message text (Telegram HTML) is missing" })
    .max(20_000, "at most 20000 characters of HTML"),
  audience: AudienceSchema,
});

export interface BroadcastView {
  id: number;
  status: BroadcastRow["status"];
  audience: Audience;
  html: string;
  /** The message as a reader sees it, shortened. */
  preview: string;
  total: number;
  counts: Record<RecipientStatus, number>;
  createdAt: number;
  createdBy: string;
  finishedAt: number | null;
  canceledBy: string | null;
}

interface BroadcastPayload {
  broadcastId: number;
  customerId: number;
}

const invalid = (message: string) => new AppError("notifications.invalid_input", message);

/**
 * A message to many customers. Starting one writes the broadcast, one row per recipient and one
 * outbox job per recipient in a single transaction; the jobs run on their own lane, paced to stay
 * under Telegram's bulk limit (~30 messages a second overall, so the shop's own notices keep some
 * room), with Telegram's 429 answered by auto-retry and, past its patience, by rescheduling the
 * job. A customer who blocked the bot is counted as blocked and skipped; cancelling marks everyone
 * not yet reached, whose jobs then do nothing. Progress is a count of recipient rows.
 */
export function createBroadcasts(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  notifications: NotificationsService;
  audit: AuditService;
  pacer: Pacer;
}) {
  const { db, clock, logger, queue, notifications, audit, pacer } = deps;

  const parseAudience = (input: unknown): Audience => {
    const parsed = AudienceSchema.safeParse(input);
    if (!parsed.success) throw invalid(`audience: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    return parsed.data;
  };
  const since = (audience: Audience) => (audience.kind === "buyers" ? clock.now() - audience.days * DAY : 0);

  const views = async (rows: BroadcastRow[]): Promise<BroadcastView[]> => {
    const counts = await recipientCounts(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => {
      const c = counts.get(row.id) ?? {};
      return {
        id: row.id,
        status: row.status,
        audience: JSON.parse(row.audience) as Audience,
        html: row.html,
        preview: truncate(telegramHtmlToText(row.html).replace(/\s+/g, " ").trim(), 120),
        total: row.total,
        counts: {
          pending: c.pending ?? 0,
          sent: c.sent ?? 0,
          failed: c.failed ?? 0,
          blocked: c.blocked ?? 0,
          canceled: c.canceled ?? 0,
        },
        createdAt: row.created_at,
        createdBy: row.created_by,
        finishedAt: row.finished_at,
        canceledBy: row.canceled_by,
      };
    });
  };

  const get = async (id: number): Promise<BroadcastView> => {
    const row = await findBroadcast(db, id);
    if (!row) throw new AppError("notifications.not_found", `no broadcast #${id}`);
    return (await views([row]))[0]!;
  };

  return {
    /** What a message would look like (its parsed tree, or what is wrong) and how many it would reach. */
    async preview(
      html: string,
      audienceInput: unknown,
    ): Promise<{ problem: string | null; tree: HtmlNode | null; recipients: number }> {
      const audience = parseAudience(audienceInput);
      const problem = telegramHtmlProblem(html) ?? null;
      const parsed = problem ? undefined : parseTelegramHtml(html);
      return {
        problem,
        tree: parsed?.ok ? parsed.tree : null,
        recipients: await countAudience(db, audience, since(audience)),
      };
    },

    /** Queues the message for everyone in the audience now; refused when it is not valid Telegram HTML. */
    async start(input: unknown, actor: string): Promise<BroadcastView> {
      const parsed = StartInput.safeParse(input);
      if (!parsed.success)
        throw invalid(
          parsed.error.issues
            .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
            .join("; "),
        );
      const html = parsed.data.html.trim();
      const audience = parsed.data.audience;
      const problem = telegramHtmlProblem(html);
      if (problem) throw invalid(`Telegram would refuse this message: ${problem}`);
      const id = await db.transaction().execute(async (trx) => {
        const recipients = await selectAudience(trx, audience, since(audience));
        if (recipients.length === 0) throw invalid("nobody is in this audience yet");
        const now = clock.now();
        const id = await insertBroadcast(trx, {
          html,
          audience: JSON.stringify(audience),
          status: "sending",
          total: recipients.length,
          created_by: actor,
          created_at: now,
          finished_at: null,
          canceled_by: null,
        });
        await insertRecipients(trx, id, recipients, now);
        for (const r of recipients) {
          await queue.enqueue(trx, {
            kind: BROADCAST_JOB,
            payload: { broadcastId: id, customerId: r.customerId } satisfies BroadcastPayload,
            dedupeKey: `broadcast:${id}:${r.customerId}`,
            maxAttempts: 5,
          });
        }
        await audit.record(trx, {
          actor,
          action: "broadcast.start",
          subject: `broadcast:${id}`,
          after: { audience, recipients: recipients.length, text: truncate(telegramHtmlToText(html), 300) },
        });
        return id;
      });
      logger.info({ broadcastId: id }, "broadcast queued");
      return get(id);
    },

    get,

    async list(limit = 20): Promise<BroadcastView[]> {
      return views(await listBroadcasts(db, limit));
    },

    async cancel(id: number, actor: string): Promise<BroadcastView> {
      const canceled = await db.transaction().execute(async (trx) => {
        const before = await findBroadcast(trx, id);
        if (!before) throw new AppError("notifications.not_found", `no broadcast #${id}`);
        if (!(await cancelBroadcast(trx, id, actor, clock.now()))) return false;
        await audit.record(trx, {
          actor,
          action: "broadcast.cancel",
          subject: `broadcast:${id}`,
          before: { status: before.status },
          after: { status: "canceled" },
        });
        return true;
      });
      if (!canceled) throw new AppError("notifications.invalid_state", `broadcast #${id} is no longer sending`);
      return get(id);
    },

    /** The `broadcast` job: one customer, once (a recipient that is not pending is left alone). */
    async deliver(payload: unknown, job: JobContext): Promise<void> {
      const { broadcastId, customerId } = payload as BroadcastPayload;
      const recipient = await findRecipient(db, broadcastId, customerId);
      if (!recipient || recipient.status !== "pending") return;
      const broadcast = await findBroadcast(db, broadcastId);
      if (!broadcast || broadcast.status !== "sending") return;
      await pacer.wait();
      // A cancel may have come while this job waited for its turn.
      if ((await findBroadcast(db, broadcastId))?.status !== "sending") return;
      let outcome: { status: "sent" | "blocked" | "failed"; error: string | null };
      try {
        // Sent before its outcome is written: a crash in between sends this one message again on restart.
        await notifications.sendHtml({ channel: TELEGRAM, address: String(recipient.chat_id) }, broadcast.html);
        outcome = { status: "sent", error: null };
      } catch (error) {
        if (error instanceof RecipientUnreachable) outcome = { status: "blocked", error: error.message };
        else if (error instanceof RateLimited)
          throw new RetryJob(error.retryAfterSeconds * 1_000, "Telegram asked to slow down");
        else if (job.attempts < job.maxAttempts) throw error;
        else outcome = { status: "failed", error: errorMessage(error) };
      }
      await settleRecipient(db, broadcastId, customerId, outcome.status, outcome.error, clock.now());
      if (await finishIfDone(db, broadcastId, clock.now())) logger.info({ broadcastId }, "broadcast finished");
    },
  };
}

export type Broadcasts = ReturnType<typeof createBroadcasts>;
