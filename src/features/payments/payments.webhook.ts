import type { Clock } from "../../infra/clock/clock.js";
import type { GroupCommit } from "../../infra/db/group-commit.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { AppError } from "../../shared/errors.js";
import { decimalEqualsInteger, formatRupiah, parseDecimal } from "../../shared/money.js";
import type { Failpoints } from "../../infra/failpoints.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { PaymentGateway, VerifiedNotification } from "./payment-gateway.types.js";
import type { PaymentConfirmation } from "./payments.confirmation.js";
import {
  findPaymentByReference,
  findWebhookOutcome,
  recordWebhookEvent,
  updatePayment,
} from "./payments.repository.js";

/** The answer to a notification that was taken (HTTP 200); a refused one is thrown as an AppError. */
export interface WebhookAnswer {
  status: string;
}

/** Outcomes after which the same notification needs no more work; anything else is tried again. */
const SETTLED_OUTCOMES = new Set([
  "paid",
  "already_paid",
  "credited_to_wallet",
  "closed",
  "no_change",
  "unknown_order",
  "amount_mismatch",
]);

/** Gateways want an answer within a few seconds; the status check gets this long before we answer anyway. */
const ACK_BUDGET_MS = 3_000;

/**
 * `POST /webhooks/:gateway`, for any `PaymentGateway`. Order of checks (reliability matrix, section 3): signature (bad → 401
 * through `payments.signature_invalid`, nothing written, nothing called) → an event already handled is a no-op → our invoice and its
 * amount → ask the gateway, act on its answer. The state change and the event record (raw body and
 * outcome) are one write, committed together with whatever else arrives at the same moment (group
 * commit), so a burst of notifications costs few disk flushes. Whatever happens after the
 * signature check, the answer is 200, so the gateway does not spend its few retries on our own
 * trouble: the reconciler covers a failed status check.
 */
export function createPaymentWebhook(deps: {
  db: Db;
  commits: GroupCommit;
  clock: Clock;
  logger: Logger;
  confirmation: PaymentConfirmation;
  notifications: NotificationsService;
  failpoints?: Failpoints;
}) {
  const { db, commits, clock, logger, confirmation, notifications } = deps;

  const alreadyHandled = async (source: string, key: string): Promise<boolean> => {
    const existing = await findWebhookOutcome(db, source, key);
    return existing !== undefined && (existing.outcome === null || SETTLED_OUTCOMES.has(existing.outcome));
  };

  /** Stores the notification with its outcome; a settled outcome recorded first is kept. */
  const recordEvent = (trx: Db, source: string, key: string, rawBody: string, outcome: string) =>
    recordWebhookEvent(trx, { source, dedupeKey: key, payload: rawBody, outcome, receivedAt: clock.now() }, [
      ...SETTLED_OUTCOMES,
    ]);

  const process = async (source: string, rawBody: string, note: VerifiedNotification): Promise<string> => {
    const key = note.dedupeKey;
    const payment = await findPaymentByReference(db, note.reference);
    if (!payment) {
      await commits.run((trx) => recordEvent(trx, source, key, rawBody, "unknown_order"));
      logger.info({ reference: note.reference }, "notification for an unknown invoice ignored");
      return "unknown_order";
    }
    const gross = parseDecimal(note.grossAmount);
    if (!gross || !decimalEqualsInteger(gross, payment.amount)) {
      await commits.run(async (trx) => {
        await updatePayment(trx, payment.id, {
          flagged_reason: `notified amount ${note.grossAmount} differs from ${payment.amount}`,
          updated_at: clock.now(),
        });
        await notifications.toAdmins(trx, {
          key: "admin-amount-mismatch",
          vars: {
            reference: payment.reference,
            order: payment.order_id ?? "-",
            expected: formatRupiah(payment.amount),
            received: note.grossAmount,
          },
        });
        await recordEvent(trx, source, key, rawBody, "amount_mismatch");
      });
      return "amount_mismatch";
    }
    const status = payment.status === "paid" ? undefined : await confirmation.fetchStatus(payment);
    if (payment.status !== "paid" && !status) {
      // Keep the notification; the reconciler asks again.
      await commits.run((trx) => recordEvent(trx, source, key, rawBody, "status_unavailable"));
      return "status_unavailable";
    }
    const context = await confirmation.context();
    const outcome = await commits.run(async (trx) => {
      const result = status ? await confirmation.applyWithin(trx, payment, status, context) : "already_paid";
      await recordEvent(trx, source, key, rawBody, result);
      return result;
    });
    if (outcome === "paid") deps.failpoints?.hit("after_payment_commit");
    return outcome;
  };

  return {
    async handle(gateway: PaymentGateway, rawBody: string, headers: Headers): Promise<WebhookAnswer> {
      let note: VerifiedNotification;
      try {
        note = await gateway.verifyNotification(rawBody, headers);
      } catch (error) {
        if (error instanceof AppError && error.code === "payments.signature_invalid")
          logger.warn({ gateway: gateway.id }, "payment notification with an invalid signature rejected");
        throw error;
      }
      const source = gateway.id;
      const key = note.dedupeKey;
      if (await alreadyHandled(source, key)) return { status: "duplicate" };

      const work = process(source, rawBody, note).catch(async (error: unknown) => {
        logger.error({ err: error, reference: note.reference }, "applying a payment notification failed");
        await commits.run((trx) => recordEvent(trx, source, key, rawBody, "error")).catch(() => undefined);
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

export type PaymentWebhook = ReturnType<typeof createPaymentWebhook>;
