import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { amountForQuantity } from "../../shared/money.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CatalogService, Service } from "../catalog/catalog.service.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { normalizeAccount, normalizeTarget, type AccountProblem, type TargetProblem } from "./checkout.target.js";
import type { QuoteRow } from "./checkout.table.js";

export type QuoteProblem =
  | { code: "unknown_mid"; mid: number }
  | { code: "not_sellable"; mid: number }
  | { code: "quantity_out_of_range"; quantity: number; min: number; max: number }
  | { code: "account_not_found"; message: string }
  | TargetProblem
  | AccountProblem;

export interface Quote {
  id: string;
  customerId: number;
  service: Service;
  target: string;
  zone: string | null;
  nickname: string | null;
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

export function createCheckoutService(deps: { db: Db; clock: Clock; logger: Logger; catalog: CatalogService; providers: ProvidersService; settings: SettingsService }) {
  const { db, clock, logger, catalog, providers, settings } = deps;

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
  const lookupAccount = async (service: Service, target: CheckedTarget): Promise<Result<string | null, QuoteProblem>> => {
    if (service.targetKind !== "game_id") return ok(null);
    const adapter = await providers.adapterFor(service.providerId);
    if (!adapter.capabilities.checkTarget) return ok(null);
    const check = await adapter.checkTarget({ providerServiceId: service.providerServiceId, brand: service.brand || service.category, target: target.target, zone: target.zone });
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

    /** Top-ups are bought one at a time unless the supplier says otherwise. */
    defaultQuantity(service: Service): number | undefined {
      return service.min === service.max ? service.min : undefined;
    },

    checkQuantity(service: Service, quantity: number): Result<number, QuoteProblem> {
      return Number.isSafeInteger(quantity) && quantity >= service.min && quantity <= service.max
        ? ok(quantity)
        : err({ code: "quantity_out_of_range", quantity, min: service.min, max: service.max });
    },

    /** A link/@username for SMM services; an account (player id + zone, phone, customer number) for top-ups. */
    checkTarget(service: Service, input: { target: string; zone?: string | undefined }): Result<CheckedTarget, QuoteProblem> {
      if (service.targetKind === "link") {
        const link = normalizeTarget(input.target, service.platform);
        return link.ok ? ok({ target: link.value, zone: undefined }) : link;
      }
      return normalizeAccount(service.targetKind, input, service.zoneRequired);
    },

    /**
     * Prices a purchase from the database (never from anything the customer or a model said),
     * checks the account with the supplier where it can, and stores the quote with an expiry.
     * The total keeps at least the shop's minimum profit per order. The Pay button carries only the id.
     */
    async quote(input: { customerId: number; mid: number; target: string; zone?: string | undefined; quantity: number }): Promise<Result<Quote, QuoteProblem>> {
      const selected = await this.selectService(input.mid);
      if (!selected.ok) return selected;
      const service = selected.value;
      const quantity = this.checkQuantity(service, input.quantity);
      if (!quantity.ok) return quantity;
      const target = this.checkTarget(service, input);
      if (!target.ok) return target;
      const nickname = await lookupAccount(service, target.value);
      if (!nickname.ok) return nickname;

      const now = clock.now();
      const costAmount = amountForQuantity(service.unitCost, quantity.value, service.unitSize);
      const listed = amountForQuantity(service.unitPrice, quantity.value, service.unitSize);
      const row: QuoteRow = {
        id: randomId("q"),
        customer_id: input.customerId,
        service_id: service.id,
        target: target.value.target,
        zone: target.value.zone ?? null,
        nickname: nickname.value,
        quantity: quantity.value,
        unit_price: service.unitPrice,
        unit_size: service.unitSize,
        amount: Math.max(listed, costAmount + (await settings.get("pricing.min_profit_per_order"))),
        cost_amount: costAmount,
        status: "open",
        expires_at: now + (await settings.get("checkout.quote_ttl_minutes")) * 60_000,
        created_at: now,
      };
      await db.insertInto("quotes").values(row).execute();
      return ok(await toQuote(row));
    },

    /**
     * An order still running for the same service and target, if any: suppliers refuse (or mix up)
     * a second order on a link until the first is done, so the customer is asked first.
     */
    async activeOrderFor(serviceId: number, target: string): Promise<{ id: number; status: string; customerId: number } | undefined> {
      const running = await db
        .selectFrom("orders")
        .select(["id", "status", "customer_id", "target"])
        .where("service_id", "=", serviceId)
        .where("status", "in", ["paid", "placing", "processing", "unknown", "manual", "waiting_funds"])
        .orderBy("id", "desc")
        .execute();
      const same = running.find((o) => sameTarget(o.target, target));
      return same ? { id: same.id, status: same.status, customerId: same.customer_id } : undefined;
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

/** "https://www.instagram.com/budi/" and "https://instagram.com/budi" are the same account. */
export function sameTarget(a: string, b: string): boolean {
  const key = (t: string) => t.trim().toLowerCase().replace(/^https?:\/\/(www\.|m\.)?/, "").replace(/[/?#]+$/, "");
  return key(a) === key(b);
}
