import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, escapeHtml } from "../../shared/text.js";
import type { AuditService } from "../audit/audit.service.js";
import { allowsDripFeed, orderFormFor, SUBSCRIPTION_DELAYS } from "../catalog/catalog.order-forms.js";
import type { RawInputs } from "../checkout/checkout.order-inputs.js";
import type { CheckoutService, QuoteProblem } from "../checkout/checkout.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { WalletService } from "../wallet/wallet.service.js";
import type { OpenOrderProblem, OrderOpener } from "./orders.opener.js";
import { findOrderById, moveOrder, type OrderRow } from "./orders.repository.js";

/**
 * An order an admin makes for a customer (a sale over WhatsApp, a replacement, a service the bot
 * does not sell by itself). It goes the way a bot sale goes, so the money stays exact: a quote
 * priced from the database (never typed by the admin), then the quote's one order, paid and moved
 * to `manual` in one transaction with its ledger entry, audit entries and the customer's notice.
 * Nothing is sent to a supplier: the admin fulfils it and sets the outcome, whose refunds (if any)
 * go to the wallet like every rupiah refund.
 *
 * Two ways to pay: from the customer's wallet (a `purchase:order:<id>` debit, as the bot's wallet
 * rail writes; refused when the balance is short), or money the shop received outside the bot
 * (`paid_with = "external"`, no ledger entry: the wallet never held that money). Either needs a
 * reason, recorded on the order and in the audit log.
 */
export type ManualPayment = "wallet" | "external";

/** Who may be named here: the customers service answers it (declared as the shape needed, since customers reads this feature). */
export interface CustomerLookup {
  findById(id: number): Promise<{ id: number } | undefined>;
}

export function createManualOrders(deps: {
  db: Db;
  clock: Clock;
  checkout: CheckoutService;
  opener: OrderOpener;
  customers: CustomerLookup;
  wallet: WalletService;
  notifications: NotificationsService;
  audit: AuditService;
}) {
  const { db, clock, checkout, opener, customers, wallet, notifications, audit } = deps;

  return {
    /** What the manual order form asks for this service: its type's extra inputs, a quantity or not, drip-feed. */
    async form(mid: number) {
      const selected = await checkout.selectService(mid);
      if (!selected.ok) throw new AppError("orders.invalid_input", quoteProblemMessage(selected.error));
      const service = selected.value;
      const form = orderFormFor(service.type)!;
      return {
        mid,
        name: service.name,
        type: form.type,
        quantity: form.quantity,
        inputs: form.inputs,
        dripfeed: allowsDripFeed(service),
        min: service.min,
        max: service.max,
      };
    },

    /** Prices the order for the customer (a stored quote, as in the bot) and says what their wallet holds. */
    async quote(input: {
      customerId: number;
      mid: number;
      target: string;
      zone?: string | undefined;
      quantity?: number | undefined;
      inputs?: RawInputs | undefined;
    }) {
      const customer = await customers.findById(input.customerId);
      if (!customer) throw new AppError("admin.not_found", `no customer ${input.customerId}`);
      const quoted = await checkout.quote(input);
      if (!quoted.ok) throw new AppError("orders.invalid_input", quoteProblemMessage(quoted.error));
      const q = quoted.value;
      return {
        quoteId: q.id,
        customerId: q.customerId,
        service: { mid: q.service.mid, name: q.service.name, mode: q.service.mode },
        target: q.target,
        zone: q.zone,
        nickname: q.nickname,
        extras: q.extras,
        quantity: q.quantity,
        amount: q.amount,
        expiresAt: q.expiresAt,
        balance: await wallet.balance(q.customerId),
      };
    },

    /** Turns the quote into a paid manual order; the whole step lands or none of it does. */
    async create(input: { quoteId: string; payment: ManualPayment; reason: string }, actor: string): Promise<OrderRow> {
      const reason = input.reason.trim();
      if (!reason)
        throw new AppError(
          "orders.invalid_input",
          "say why: a manual order is recorded with its reason (and, paid outside the bot, how it was paid)",
          { text: { key: "input.reason_required" } },
        );
      const quote = await checkout.findQuote(input.quoteId);
      if (!quote) throw new AppError("orders.not_found", "no such quote: get the price again");
      const now = clock.now();
      const orderId = await db.transaction().execute(async (trx) => {
        const opened = await opener.open(trx, {
          quoteId: quote.id,
          customerId: quote.customerId,
          service: quote.service,
          now,
        });
        if ("problem" in opened) throw new AppError("orders.invalid_state", openProblemMessage(opened.problem));
        const order = opened.order;
        const balanceBefore = await wallet.balance(order.customer_id, trx);
        if (input.payment === "wallet") {
          const debited = await wallet.debit(trx, {
            customerId: order.customer_id,
            amount: order.amount,
            reason: "purchase",
            reference: `purchase:order:${order.id}`,
            orderId: order.id,
            note: `manual order: ${reason}`,
          });
          // Throwing rolls the opened order back too: the quote stays open for another try.
          if (!debited)
            throw new AppError(
              "wallet.insufficient_balance",
              `the customer's balance is ${formatRupiah(balanceBefore)}, less than ${formatRupiah(order.amount)}`,
              { text: { key: "wallet.short", params: { balance: balanceBefore, amount: order.amount } } },
            );
        }
        // awaiting_payment → (paid →) manual in one step: nothing can happen in between, and no placement job is queued.
        const moved = await moveOrder(
          trx,
          order.id,
          "recordManualOrder",
          { status: "manual", is_manual: 1, paid_at: now, paid_with: input.payment, admin_notes: reason },
          clock.now(),
        );
        if (!moved) throw new AppError("orders.invalid_state", `order #${order.id} changed meanwhile`);
        const balanceAfter = await wallet.balance(order.customer_id, trx);
        await audit.record(trx, {
          actor,
          action: "order.create_manual",
          subject: `order:${order.id}`,
          before: null,
          after: {
            status: "manual",
            customer: order.customer_id,
            mid: quote.service.mid,
            target: order.target,
            quantity: order.quantity,
            amount: order.amount,
            payment: input.payment,
            ...(quote.extras ? { extras: quote.extras } : {}),
          },
          reason,
        });
        if (input.payment === "wallet")
          await audit.record(trx, {
            actor,
            action: "wallet.pay_manual_order",
            subject: `customer:${order.customer_id}`,
            before: { balance: balanceBefore },
            after: { balance: balanceAfter, order: order.id },
            reason,
          });
        await notifications.toCustomer(trx, order.customer_id, {
          key: input.payment === "wallet" ? "order-manual-wallet" : "order-manual-external",
          vars: {
            order: order.id,
            service: escapeHtml(quote.service.name),
            quantity: asCount(order.quantity),
            amount: formatRupiah(order.amount),
            balance: formatRupiah(balanceAfter),
          },
        });
        return order.id;
      });
      return (await findOrderById(db, orderId))!;
    },
  };
}

export type ManualOrders = ReturnType<typeof createManualOrders>;

function quoteProblemMessage(problem: QuoteProblem): string {
  switch (problem.code) {
    case "unknown_mid":
      return `no active service with number ${problem.mid}`;
    case "not_sellable":
      return `service ${problem.mid} cannot be sold now (its price is below cost or it is disabled)`;
    case "quantity_out_of_range":
      return `the quantity must be between ${problem.min} and ${problem.max}`;
    case "account_not_found":
      return `the supplier does not know this account: ${problem.message}`;
    case "target_missing":
      return "the target (link, username or account) is missing";
    case "target_wrong_platform":
      return `this service needs a ${problem.platform} link`;
    case "zone_missing":
      return "this game needs a zone/server id";
    case "price_outdated":
      return `service ${problem.mid}'s price no longer covers its supplier's current cost plus the minimum profit: import the supplier's catalog again (or change the price) first`;
    case "input_missing":
      return `this service also needs: ${problem.input}`;
    case "lines_out_of_range":
      return `${problem.input}: ${problem.count} given, this service takes ${problem.min}–${problem.max}`;
    case "input_invalid":
      return problem.input === "delay"
        ? `delay must be one of ${SUBSCRIPTION_DELAYS.join(", ")} minutes`
        : problem.input === "expiry"
          ? "expiry must be a date after today, written 31/12/2026 (or - for none)"
          : `${problem.input} is not valid${problem.max ? ` (allowed ${problem.min ?? 1}–${problem.max})` : ""}`;
    case "dripfeed_not_offered":
      return "this service cannot be drip-fed";
    default:
      return "the target is not valid for this service";
  }
}

function openProblemMessage(problem: OpenOrderProblem): string {
  switch (problem.code) {
    case "quote_expired":
      return "the price has expired: get it again";
    case "order_closed":
      return `this price was already used for order #${problem.orderId}`;
    case "service_unavailable":
      return "the service was switched off meanwhile";
    case "quote_not_found":
      return "no such quote: get the price again";
  }
}
