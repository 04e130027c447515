import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah } from "../../shared/money.js";
import type { AuditService } from "../audit/audit.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { WalletService } from "./wallet.service.js";

/**
 * An admin's correction of a customer's balance: a signed ledger entry with its reason, the audit
 * record and the customer's notice in one transaction. A debit never takes the balance below zero.
 */
export function createWalletAdmin(deps: { db: Db; clock: Clock; wallet: WalletService; audit: AuditService; notifications: NotificationsService }) {
  const { db, clock, wallet, audit, notifications } = deps;

  return {
    async adjust(customerId: number, amount: number, reason: string, actor: string): Promise<{ balance: number }> {
      if (!reason.trim()) throw new AppError("wallet.invalid_input", "an adjustment needs a reason", { text: { key: "input.reason_required" } });
      if (!Number.isSafeInteger(amount) || amount === 0) throw new AppError("wallet.invalid_input", "the adjustment is a whole number of rupiah, positive or negative, not zero");
      return db.transaction().execute(async (trx) => {
        const customer = await trx.selectFrom("customers").select("id").where("id", "=", customerId).executeTakeFirst();
        if (!customer) throw new AppError("wallet.invalid_input", `no customer ${customerId}`);
        const before = await wallet.balance(customerId, trx);
        const entry = { customerId, amount: Math.abs(amount), reason: "adjustment" as const, reference: `adjust:${clock.now()}:${randomId("", 6)}`, note: reason };
        if (amount > 0) await wallet.credit(trx, entry);
        else if (!(await wallet.debit(trx, entry))) throw new AppError("wallet.insufficient_balance", `the balance is ${formatRupiah(before)}; it cannot go below zero`, { text: { key: "wallet.below_zero", params: { balance: before } } });
        const after = await wallet.balance(customerId, trx);
        await audit.record(trx, { actor, action: "wallet.adjust", subject: `customer:${customerId}`, before: { balance: before }, after: { balance: after }, reason });
        await notifications.toCustomer(trx, customerId, { key: "wallet-adjusted", vars: { amount: `${amount > 0 ? "+" : "−"}${formatRupiah(Math.abs(amount))}`, balance: formatRupiah(after) } });
        return { balance: after };
      });
    },
  };
}

export type WalletAdmin = ReturnType<typeof createWalletAdmin>;
