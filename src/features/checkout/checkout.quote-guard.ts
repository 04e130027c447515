import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { ceilDiv, formatRupiah, multiplyDecimals, parseDecimal, toSafeNumber } from "../../shared/money.js";
import type { Service } from "../catalog/catalog.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { ProvidersService } from "../providers/providers.service.js";

export type QuoteGuardAlerts = Pick<NotificationsService, "toAdmins">;

/** One alert per service this often: a customer retrying (or many customers) must not flood the admins. */
const ALERT_EVERY_MS = 60 * 60_000;

/**
 * The last guard before a customer is quoted: the price stored in the catalog may come from a
 * margin, a fixed price, or a rate that changed since the last import. Whatever set it, the
 * quoted total must cover what the supplier charges today (its own rate × the supplier's current
 * rate to rupiah, exact, rounded up) plus the shop's minimum profit, or the quote is refused.
 */
export function createQuoteGuard(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  providers: ProvidersService;
  alerts?: QuoteGuardAlerts | undefined;
}) {
  const { db, clock, logger, providers } = deps;
  const lastAlert = new Map<number, number>();

  /** The supplier's charge for `quantity` in rupiah now; undefined when it cannot be known (no rate, held supplier). */
  const currentCost = async (service: Service, quantity: number): Promise<number | undefined> => {
    const provider = await providers.getById(service.providerId);
    const costRate = parseDecimal(service.costRate);
    const rate = provider ? parseDecimal(provider.rateToIdr) : undefined;
    if (
      !provider ||
      provider.currencyCheck.problem !== null ||
      !costRate ||
      !rate ||
      rate.units <= 0n ||
      costRate.units < 0n
    )
      return undefined;
    const perUnit = multiplyDecimals(costRate, rate);
    return toSafeNumber(
      ceilDiv(perUnit.units * BigInt(quantity), 10n ** BigInt(perUnit.scale) * BigInt(service.unitSize)),
    );
  };

  const alert = async (
    service: Service,
    quantity: number,
    amount: number,
    cost: number | undefined,
    minProfit: number,
  ): Promise<void> => {
    const now = clock.now();
    const last = lastAlert.get(service.id);
    if (last !== undefined && now - last < ALERT_EVERY_MS) return;
    lastAlert.set(service.id, now);
    if (!deps.alerts) return;
    const vars = {
      mid: service.mid,
      name: service.name,
      quantity,
      price: formatRupiah(amount),
      cost: cost === undefined ? "?" : formatRupiah(cost),
      profit: formatRupiah(minProfit),
    };
    await db.transaction().execute((trx) =>
      deps.alerts!.toAdmins(trx, {
        key: cost === undefined ? "admin-quote-cost-unknown" : "admin-quote-below-cost",
        vars,
      }),
    );
  };

  return {
    /** True when `amount` covers the supplier's current cost plus `minProfit`; otherwise admins hear of it (throttled). */
    async covers(service: Service, quantity: number, amount: number, minProfit: number): Promise<boolean> {
      const cost = await currentCost(service, quantity);
      if (cost !== undefined && amount >= cost + minProfit) return true;
      logger.warn(
        { mid: service.mid, quantity, amount, cost, minProfit },
        "quote refused: the price no longer covers the supplier's cost plus the minimum profit",
      );
      await alert(service, quantity, amount, cost, minProfit);
      return false;
    },
  };
}
