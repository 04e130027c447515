import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { GroupCommit } from "../../infra/db/group-commit.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { AppError } from "../../shared/errors.js";
import { decimalEqualsInteger, formatRupiah, parseDecimal } from "../../shared/money.js";
import type { Failpoints } from "../../infra/failpoints.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import { isValidMidtransSignature } from "./midtrans.signature.js";
import type { PaymentConfirmation } from "./payments.confirmation.js";
import { findPaymentByReference, updatePayment } from "./payments.repository.js";

const Notification = z.object({
  order_id: z.string().min(1).max(100),
  status_code: z.string().min(1).max(10),
  gross_amount: z.string().min(1).max(40),
  signature_key: z.string().min(1).max(256),
  transaction_status: z.string().max(40).optional(),
});

/** The answer to a notification that was taken (HTTP 200); a refused one is thrown as an AppError. */
export interface WebhookAnswer {
  status: string;
}

/** No Midtrans key: Midtrans retries later and the reconciler catches up. */
export const paymentsNotConfigured = () => new AppError("payments.not_configured", "payments are not configured");

/** Outcomes after which the same notification needs no more work; anything else is tried again. */
const SETTLED_OUTCOMES = new Set(["paid", "already_paid", "credited_to_wallet", "closed", "no_change", "unknown_order", "amount_mismatch"]);

/** Midtrans wants an answer within 5 s; the gateway check gets this long before we answer anyway. */
const ACK_BUDGET_MS = 3_000;

/**
 * `POST /webhooks/midtrans`. Order of checks (reliability matrix, section 3): signature (bad → 401
 * through `payments.signature_invalid`, nothing written, nothing called) → an event already handled is a no-op → our invoice and its
 * amount → ask the gateway, act on its answer. The state change and the event record (raw body and
 * outcome) are one write, committed together with whatever else arrives at the same moment (group
 * commit), so a burst of notifications costs few disk flushes. Whatever happens after the
 * signature check, the answer is 200, so Midtrans does not spend its few retries on our own
 * trouble: the reconciler covers a failed status check.
 */
export function createMidtransWebhook(deps: {
  db: Db;
  commits: GroupCommit;
  clock: Clock;
  logger: Logger;
  /** The key notifications are signed with; a function when it can change while the shop runs (admin app). */
  serverKey: string | (() => Promise<string | undefined>);
  confirmation: PaymentConfirmation;
  notifications: NotificationsService;
  failpoints?: Failpoints;
}) {
  const { db, commits, clock, logger, serverKey, confirmation, notifications } = deps;

  const alreadyHandled = async (key: string): Promise<boolean> => {
    const existing = await db.selectFrom("webhook_events").select("outcome").where("source", "=", "midtrans").where("dedupe_key", "=", key).executeTakeFirst();
    return existing !== undefined && (existing.outcome === null || SETTLED_OUTCOMES.has(existing.outcome));
  };

  /** Stores the notification with its outcome; a settled outcome recorded first is kept. */
  const recordEvent = (trx: Db, key: string, rawBody: string, outcome: string) =>
    trx
      .insertInto("webhook_events")
      .values({ source: "midtrans", dedupe_key: key, payload: rawBody, outcome, received_at: clock.now() })
      .onConflict((oc) =>
        oc
          .columns(["source", "dedupe_key"])
          .doUpdateSet({ outcome })
          .where("webhook_events.outcome", "not in", [...SETTLED_OUTCOMES]),
      )
      .execute();

  const process = async (key: string, rawBody: string, note: z.infer<typeof Notification>): Promise<string> => {
    const payment = await findPaymentByReference(db, note.order_id);
    if (!payment) {
      await commits.run((trx) => recordEvent(trx, key, rawBody, "unknown_order"));
      logger.info({ reference: note.order_id }, "notification for an unknown invoice ignored");
      return "unknown_order";
    }
    const gross = parseDecimal(note.gross_amount);
    if (!gross || !decimalEqualsInteger(gross, payment.amount)) {
      await commits.run(async (trx) => {
        await updatePayment(trx, payment.id, { flagged_reason: `notified amount ${note.gross_amount} differs from ${payment.amount}`, updated_at: clock.now() });
        await notifications.toAdmins(trx, { key: "admin-amount-mismatch", vars: { reference: payment.reference, order: payment.order_id ?? "-", expected: formatRupiah(payment.amount), received: note.gross_amount } });
        await recordEvent(trx, key, rawBody, "amount_mismatch");
      });
      return "amount_mismatch";
    }
    const status = payment.status === "paid" ? undefined : await confirmation.fetchStatus(payment);
    if (payment.status !== "paid" && !status) {
      // Keep the notification; the reconciler asks again.
      await commits.run((trx) => recordEvent(trx, key, rawBody, "status_unavailable"));
      return "status_unavailable";
    }
    const context = await confirmation.context();
    const outcome = await commits.run(async (trx) => {
      const result = status ? await confirmation.applyWithin(trx, payment, status, context) : "already_paid";
      await recordEvent(trx, key, rawBody, result);
      return result;
    });
    if (outcome === "paid") deps.failpoints?.hit("after_payment_commit");
    return outcome;
  };

  return {
    async handle(rawBody: string): Promise<WebhookAnswer> {
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new AppError("payments.bad_request", "the notification is not JSON");
      }
      const parsed = Notification.safeParse(json);
      if (!parsed.success) throw new AppError("payments.bad_request", "the notification lacks order_id, status_code, gross_amount or signature_key");
      const note = parsed.data;
      const signingKey = typeof serverKey === "string" ? serverKey : await serverKey();
      // Keys removed in the admin app: like a shop without Midtrans (Midtrans retries; the reconciler catches up).
      if (!signingKey) throw paymentsNotConfigured();
      if (!isValidMidtransSignature(note, signingKey)) {
        logger.warn({ reference: note.order_id }, "midtrans notification with an invalid signature rejected");
        throw new AppError("payments.signature_invalid", "the notification's signature does not match");
      }

      const key = `${note.order_id}:${note.transaction_status ?? ""}:${note.status_code}:${note.gross_amount}`;
      if (await alreadyHandled(key)) return { status: "duplicate" };

      const work = process(key, rawBody, note).catch(async (error: unknown) => {
        logger.error({ err: error, reference: note.order_id }, "applying a payment notification failed");
        await commits.run((trx) => recordEvent(trx, key, rawBody, "error")).catch(() => undefined);
        return "error";
      });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"queued">((resolve) => {
        timer = setTimeout(() => resolve("queued"), ACK_BUDGET_MS);
      });
      const outcome = await Promise.race([work, late]);
      clearTimeout(timer);
      return { status: outcome };
    },
  };
}

export type MidtransWebhook = ReturnType<typeof createMidtransWebhook>;
