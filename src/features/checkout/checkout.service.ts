import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { amountForQuantity } from "../../shared/money.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CatalogService, Service } from "../catalog/catalog.service.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { OrderExtras } from "../providers/provider.types.js";
import {
  checkOrderInputs,
  fixedQuantity,
  quantityIsAsked,
  subscriptionUsername,
  type InputProblem,
  type RawInputs,
} from "./checkout.order-inputs.js";
import type { AccountProblem, TargetProblem } from "./checkout.target.js";
import { checkQuantity, checkTarget } from "./checkout.checks.js";
import type { QuoteRow } from "./checkout.table.js";
import { runningOrdersOfService } from "./checkout.queries.js";
import { closeOpenQuote, findQuoteRow, insertQuote } from "./checkout.repository.js";
import { createQuoteGuard, type QuoteGuardAlerts } from "./checkout.quote-guard.js";

export type QuoteProblem =
  | { code: "unknown_mid"; mid: number }
  | { code: "not_sellable"; mid: number }
  | { code: "quantity_out_of_range"; quantity: number; min: number; max: number }
  | { code: "account_not_found"; message: string }
  /** The last guard: the price no longer covers the supplier's current cost plus the shop's minimum profit. */
  | { code: "price_outdated"; mid: number }
  | TargetProblem
  | AccountProblem
  | InputProblem;

export interface Quote {
  id: string;
  customerId: number;
  service: Service;
  target: string;
  zone: string | null;
  nickname: string | null;
  /** What the service type needs beyond target and quantity; null for plain orders. */
  extras: OrderExtras | null;
  quantity: number;
  unitPrice: number;
  unitSize: number;
  amount: number;
  costAmount: number;
  status: QuoteRow["status"];
  expiresAt: number;
}

export interface CheckedTarget {
  target: string;
  zone: string | undefined;
}

export function createCheckoutService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  catalog: CatalogService;
  providers: ProvidersService;
  settings: SettingsService;
  notifications?: QuoteGuardAlerts;
}) {
  const { db, clock, logger, catalog, providers, settings } = deps;
  const guard = createQuoteGuard({ db, clock, logger, providers, alerts: deps.notifications });

  const toQuote = async (row: QuoteRow): Promise<Quote> => {
    const service = await catalog.findById(row.service_id);
    if (!service) throw new Error(`quote ${row.id} refers to a missing service`);
    return {
      id: row.id,
      customerId: row.customer_id,
      service,
      target: row.target,
      zone: row.zone,
      nickname: row.nickname,
      extras: parseExtras(row.extras),
      quantity: row.quantity,
      unitPrice: row.unit_price,
      unitSize: row.unit_size,
      amount: row.amount,
      costAmount: row.cost_amount,
      status: row.status,
      expiresAt: row.expires_at,
    };
  };

  /** The account's display name where the supplier can look it up; a failed lookup does not block the sale. */
  const lookupAccount = async (
    service: Service,
    target: CheckedTarget,
  ): Promise<Result<string | null, QuoteProblem>> => {
    if (service.targetKind !== "game_id") return ok(null);
    const adapter = await providers.adapterFor(service.providerId);
    if (!adapter.capabilities.checkTarget) return ok(null);
    const check = await adapter.checkTarget({
      providerServiceId: service.providerServiceId,
      brand: service.brand || service.category,
      target: target.target,
      zone: target.zone,
    });
    if (check.kind === "valid") return ok(check.nickname);
    if (check.kind === "invalid") return err({ code: "account_not_found", message: check.message });
    logger.warn({ mid: service.mid, reason: check.message }, "nickname check unavailable; quoting without it");
    return ok(null);
  };

  return {
    /** Checks a service by shop number before asking the customer for details. */
    async selectService(mid: number): Promise<Result<Service, QuoteProblem>> {
      const service = await catalog.findByMid(mid);
      if (!service || !service.active) return err({ code: "unknown_mid", mid });
      if (!service.sellable) return err({ code: "not_sellable", mid });
      return ok(service);
    },

    /** Top-ups are bought one at a time unless the supplier says otherwise; a package is its own size. */
    defaultQuantity(service: Service): number | undefined {
      return fixedQuantity(service);
    },

    /** Whether the customer names the quantity (not for custom comments, packages, subscriptions). */
    asksQuantity(service: Service): boolean {
      return quantityIsAsked(service.type);
    },

    /** Checks the extra inputs of the service's type and works out the billed quantity. */
    checkInputs(
      service: Service,
      input: { target: string; inputs?: RawInputs | undefined; quantity?: number | undefined },
    ): Result<{ extras: OrderExtras | null; quantity: number }, QuoteProblem> {
      const checked = checkOrderInputs(service, input.inputs ?? {}, input.quantity, clock.now());
      if (!checked.ok) return checked;
      const extras = checked.value.extras;
      if (extras.subscription) extras.subscription.username = subscriptionUsername(input.target);
      return ok({ extras: Object.keys(extras).length > 0 ? extras : null, quantity: checked.value.quantity });
    },

    checkQuantity(service: Service, quantity: number): Result<number, QuoteProblem> {
      return checkQuantity(service, quantity);
    },

    /** A link/@username for SMM services; an account (player id + zone, phone, customer number) for top-ups. */
    checkTarget(
      service: Service,
      input: { target: string; zone?: string | undefined },
    ): Result<CheckedTarget, QuoteProblem> {
      return checkTarget(service, input);
    },

    /**
     * Prices a purchase from the database (never from anything the customer or a model said),
     * checks the account with the supplier where it can, and stores the quote with an expiry.
     * The total keeps at least the shop's minimum profit per order. The Pay button carries only the id.
     */
    async quote(input: {
      customerId: number;
      mid: number;
      target: string;
      zone?: string | undefined;
      quantity?: number | undefined;
      inputs?: RawInputs | undefined;
    }): Promise<Result<Quote, QuoteProblem>> {
      const selected = await this.selectService(input.mid);
      if (!selected.ok) return selected;
      const service = selected.value;
      const asked = this.asksQuantity(service)
        ? this.checkQuantity(service, input.quantity ?? this.defaultQuantity(service) ?? 0)
        : ok(0);
      if (!asked.ok) return asked;
      const target = this.checkTarget(service, input);
      if (!target.ok) return target;
      const checked = this.checkInputs(service, {
        target: target.value.target,
        inputs: input.inputs,
        quantity: asked.value,
      });
      if (!checked.ok) return checked;
      const quantity = { value: checked.value.quantity };
      const nickname = await lookupAccount(service, target.value);
      if (!nickname.ok) return nickname;

      const now = clock.now();
      const costAmount = amountForQuantity(service.unitCost, quantity.value, service.unitSize);
      const listed = amountForQuantity(service.unitPrice, quantity.value, service.unitSize);
      const minProfit = await settings.get("pricing.min_profit_per_order");
      const amount = Math.max(listed, costAmount + minProfit);
      // Whatever rule set the price (margin, fixed price, a price from before a rate change), it
      // must still cover what the supplier charges today, in rupiah, plus the minimum profit.
      if (!(await guard.covers(service, quantity.value, amount, minProfit)))
        return err({ code: "price_outdated", mid: service.mid });
      const row: QuoteRow = {
        id: randomId("q"),
        customer_id: input.customerId,
        service_id: service.id,
        target: target.value.target,
        zone: target.value.zone ?? null,
        nickname: nickname.value,
        extras: checked.value.extras ? JSON.stringify(checked.value.extras) : null,
        quantity: quantity.value,
        unit_price: service.unitPrice,
        unit_size: service.unitSize,
        amount,
        cost_amount: costAmount,
        status: "open",
        expires_at: now + (await settings.get("checkout.quote_ttl_minutes")) * 60_000,
        created_at: now,
      };
      await insertQuote(db, row);
      return ok(await toQuote(row));
    },

    /**
     * An order still running for the same service and target, if any: suppliers refuse (or mix up)
     * a second order on a link until the first is done, so the customer is asked first.
     */
    async activeOrderFor(
      serviceId: number,
      target: string,
    ): Promise<{ id: number; status: string; customerId: number } | undefined> {
      const running = await runningOrdersOfService(db, serviceId);
      const same = running.find((o) => sameTarget(o.target, target));
      return same ? { id: same.id, status: same.status, customerId: same.customer_id } : undefined;
    },

    async findQuote(id: string): Promise<Quote | undefined> {
      const row = await findQuoteRow(db, id);
      return row ? toQuote(row) : undefined;
    },

    /** The stored row only, for use inside a transaction (resolving the service would need a second connection). */
    async quoteRow(trx: Db, id: string): Promise<QuoteRow | undefined> {
      return findQuoteRow(trx, id);
    },

    /** Marks a quote as turned into an order, or expired; only an open quote changes. */
    async closeQuote(trx: Db, id: string, status: "ordered" | "expired" | "canceled"): Promise<boolean> {
      return closeOpenQuote(trx, id, status);
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;

/** The stored JSON of a quote's or order's extras. */
export function parseExtras(text: string | null): OrderExtras | null {
  return text ? (JSON.parse(text) as OrderExtras) : null;
}

/** "https://www.instagram.com/budi/" and "https://instagram.com/budi" are the same account. */
export function sameTarget(a: string, b: string): boolean {
  const key = (t: string) =>
    t
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/(www\.|m\.)?/, "")
      .replace(/[/?#]+$/, "");
  return key(a) === key(b);
}
