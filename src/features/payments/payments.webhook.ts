import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
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

export interface WebhookAnswer {
  status: number;
  body: { status: string };
}

/** Outcomes after which the same notification needs no more work; anything else is tried again. */
const SETTLED_OUTCOMES = new Set(["paid", "already_paid", "credited_to_wallet", "closed", "no_change", "unknown_order", "amount_mismatch"]);

/** Midtrans wants an answer within 5 s; the gateway check gets this long before we answer anyway. */
const ACK_BUDGET_MS = 3_000;

/**
 * `POST /webhooks/midtrans`. Order of checks (reliability matrix, section 3): signature (bad → 401,
 * nothing written, nothing called) → record the event (a duplicate is a no-op) → our invoice and
 * its amount → ask the gateway, act on its answer. Whatever happens after the signature check, the
 * answer is 200, so Midtrans does not spend its few retries on our own trouble: the reconciler
 * covers a failed status check.
 */
export function createMidtransWebhook(deps: { db: Db; clock: Clock; logger: Logger; serverKey: string; confirmation: PaymentConfirmation; notifications: NotificationsService; failpoints?: Failpoints }) {
  const { db, clock, logger, serverKey, confirmation, notifications } = deps;

  const recordEvent = async (key: string, rawBody: string): Promise<"new" | "retry" | "duplicate"> => {
    const inserted = await db
      .insertInto("webhook_events")
      .values({ source: "midtrans", dedupe_key: key, payload: rawBody, outcome: null, received_at: clock.now() })
      .onConflict((oc) => oc.columns(["source", "dedupe_key"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return "new";
    const existing = await db.selectFrom("webhook_events").select("outcome").where("source", "=", "midtrans").where("dedupe_key", "=", key).executeTakeFirstOrThrow();
    if (existing.outcome === null || SETTLED_OUTCOMES.has(existing.outcome)) return "duplicate";
    // The first delivery could not finish (gateway down): claim this one for another try.
    const claimed = await db
      .updateTable("webhook_events")
      .set({ outcome: null })
      .where("source", "=", "midtrans")
      .where("dedupe_key", "=", key)
      .where("outcome", "=", existing.outcome)
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) > 0 ? "retry" : "duplicate";
  };

  const setOutcome = (key: string, outcome: string) =>
    db.updateTable("webhook_events").set({ outcome }).where("source", "=", "midtrans").where("dedupe_key", "=", key).execute();

  return {
    async handle(rawBody: string): Promise<WebhookAnswer> {
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return { status: 400, body: { status: "invalid_json" } };
      }
      const parsed = Notification.safeParse(json);
      if (!parsed.success) return { status: 400, body: { status: "invalid_notification" } };
      const note = parsed.data;
      if (!isValidMidtransSignature(note, serverKey)) {
        logger.warn({ reference: note.order_id }, "midtrans notification with an invalid signature rejected");
        return { status: 401, body: { status: "invalid_signature" } };
      }

      const key = `${note.order_id}:${note.transaction_status ?? ""}:${note.status_code}:${note.gross_amount}`;
      if ((await recordEvent(key, rawBody)) === "duplicate") return { status: 200, body: { status: "duplicate" } };

      const payment = await findPaymentByReference(db, note.order_id);
      if (!payment) {
        await setOutcome(key, "unknown_order");
        logger.info({ reference: note.order_id }, "notification for an unknown invoice ignored");
        return { status: 200, body: { status: "unknown_order" } };
      }
      const gross = parseDecimal(note.gross_amount);
      if (!gross || !decimalEqualsInteger(gross, payment.amount)) {
        await db.transaction().execute(async (trx) => {
          await updatePayment(trx, payment.id, { flagged_reason: `notified amount ${note.gross_amount} differs from ${payment.amount}`, updated_at: clock.now() });
          await notifications.toAdmins(trx, { key: "admin-amount-mismatch", vars: { reference: payment.reference, order: payment.order_id ?? "-", expected: formatRupiah(payment.amount), received: note.gross_amount } });
        });
        await setOutcome(key, "amount_mismatch");
        return { status: 200, body: { status: "amount_mismatch" } };
      }

      const work = confirmation
        .sync(payment)
        .then(async (outcome) => {
          if (outcome === "paid") deps.failpoints?.hit("after_payment_commit");
          await setOutcome(key, outcome);
          return outcome;
        })
        .catch(async (error: unknown) => {
          logger.error({ err: error, paymentId: payment.id }, "applying a payment notification failed");
          await setOutcome(key, "error").catch(() => undefined);
          return "error";
        });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"queued">((resolve) => {
        timer = setTimeout(() => resolve("queued"), ACK_BUDGET_MS);
      });
      const outcome = await Promise.race([work, late]);
      clearTimeout(timer);
      return { status: 200, body: { status: outcome } };
    },
  };
}

export type MidtransWebhook = ReturnType<typeof createMidtransWebhook>;
