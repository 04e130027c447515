import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { amountForQuantity } from "../../shared/money.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CatalogService, Service } from "../catalog/catalog.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { normalizeTarget, type TargetProblem } from "./checkout.target.js";
import type { QuoteRow } from "./checkout.table.js";

export type QuoteProblem =
  | { code: "unknown_mid"; mid: number }
  | { code: "not_sellable"; mid: number }
  | { code: "quantity_out_of_range"; quantity: number; min: number; max: number }
  | TargetProblem;

export interface Quote {
  id: string;
  customerId: number;
  service: Service;
  target: string;
  quantity: number;
  pricePer1000: number;
  amount: number;
  costAmount: number;
  status: QuoteRow["status"];
  expiresAt: number;
}

export function createCheckoutService(deps: { db: Db; clock: Clock; catalog: CatalogService; settings: SettingsService }) {
  const { db, clock, catalog, settings } = deps;

  const toQuote = async (row: QuoteRow): Promise<Quote> => {
    const service = await catalog.findById(row.service_id);
    if (!service) throw new Error(`quote ${row.id} refers to a missing service`);
    return {
      id: row.id,
      customerId: row.customer_id,
      service,
      target: row.target,
      quantity: row.quantity,
      pricePer1000: row.price_per_1000,
      amount: row.amount,
      costAmount: row.cost_amount,
      status: row.status,
      expiresAt: row.expires_at,
    };
  };

  return {
    /** Checks a service by shop number before asking the customer for details. */
    async selectService(mid: number): Promise<Result<Service, QuoteProblem>> {
      const service = await catalog.findByMid(mid);
      if (!service || !service.active) return err({ code: "unknown_mid", mid });
      if (!service.sellable) return err({ code: "not_sellable", mid });
      return ok(service);
    },

    checkQuantity(service: Service, quantity: number): Result<number, QuoteProblem> {
      return Number.isSafeInteger(quantity) && quantity >= service.min && quantity <= service.max
        ? ok(quantity)
        : err({ code: "quantity_out_of_range", quantity, min: service.min, max: service.max });
    },

    checkTarget(service: Service, target: string): Result<string, QuoteProblem> {
      return normalizeTarget(target, service.platform);
    },

    /**
     * Prices a purchase from the database (never from anything the customer or a model said) and
     * stores the quote with an expiry. The Pay button later carries only the quote id.
     */
    async quote(input: { customerId: number; mid: number; target: string; quantity: number }): Promise<Result<Quote, QuoteProblem>> {
      const selected = await this.selectService(input.mid);
      if (!selected.ok) return selected;
      const service = selected.value;
      const quantity = this.checkQuantity(service, input.quantity);
      if (!quantity.ok) return quantity;
      const target = this.checkTarget(service, input.target);
      if (!target.ok) return target;
      const now = clock.now();
      const row: QuoteRow = {
        id: randomId("q"),
        customer_id: input.customerId,
        service_id: service.id,
        target: target.value,
        quantity: quantity.value,
        price_per_1000: service.pricePer1000,
        amount: amountForQuantity(service.pricePer1000, quantity.value),
        cost_amount: amountForQuantity(service.costPer1000, quantity.value),
        status: "open",
        expires_at: now + (await settings.get("checkout.quote_ttl_minutes")) * 60_000,
        created_at: now,
      };
      await db.insertInto("quotes").values(row).execute();
      return ok(await toQuote(row));
    },

    async findQuote(id: string): Promise<Quote | undefined> {
      const row = await db.selectFrom("quotes").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toQuote(row) : undefined;
    },

    /** The stored row only, for use inside a transaction (resolving the service would need a second connection). */
    async quoteRow(trx: Db, id: string): Promise<QuoteRow | undefined> {
      return trx.selectFrom("quotes").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Marks a quote as turned into an order, or expired; only an open quote changes. */
    async closeQuote(trx: Db, id: string, status: "ordered" | "expired" | "canceled"): Promise<boolean> {
      const result = await trx.updateTable("quotes").set({ status }).where("id", "=", id).where("status", "=", "open").executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
