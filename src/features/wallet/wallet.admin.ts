import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah } from "../../shared/money.js";
import type { AuditService } from "../audit/audit.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { WalletService } from "./wallet.service.js";

/** Who may be named here: the customers service answers it (declared as the shape needed, since customers reads this feature). */
export interface CustomerLookup {
  findById(id: number): Promise<{ id: number } | undefined>;
}

/**
 * An admin's correction of a customer's balance: a signed ledger entry with its reason, the audit
 * record and the customer's notice in one transaction. A debit never takes the balance below zero.
 */
export function createWalletAdmin(deps: {
  db: Db;
  clock: Clock;
  wallet: WalletService;
  customers: CustomerLookup;
  audit: AuditService;
  notifications: NotificationsService;
}) {
  const { db, clock, wallet, customers, audit, notifications } = deps;

  return {
    async adjust(customerId: number, amount: number, reason: string, actor: string): Promise<{ balance: number }> {
      if (!reason.trim())
        throw new AppError("wallet.invalid_input", "an adjustment needs a reason", {
          text: { key: "input.reason_required" },
        });
      if (!Number.isSafeInteger(amount) || amount === 0)
        throw new AppError(
          "wallet.invalid_input",
          "the adjustment is a whole number of rupiah, positive or negative, not zero",
        );
      // Customers are never deleted, so one found before the transaction is still there inside it.
      if (!(await customers.findById(customerId)))
        throw new AppError("wallet.invalid_input", `no customer ${customerId}`);
      return db.transaction().execute(async (trx) => {
        const before = await wallet.balance(customerId, trx);
        const entry = {
          customerId,
          amount: Math.abs(amount),
          reason: "adjustment" as const,
          reference: `adjust:${clock.now()}:${randomId("", 6)}`,
          note: reason,
        };
        if (amount > 0) await wallet.credit(trx, entry);
        else if (!(await wallet.debit(trx, entry)))
          throw new AppError(
            "wallet.insufficient_balance",
            `the balance is ${formatRupiah(before)}; it cannot go below zero`,
            { text: { key: "wallet.below_zero", params: { balance: before } } },
          );
        const after = await wallet.balance(customerId, trx);
        await audit.record(trx, {
          actor,
          action: "wallet.adjust",
          subject: `customer:${customerId}`,
          before: { balance: before },
          after: { balance: after },
          reason,
        });
        await notifications.toCustomer(trx, customerId, {
          key: "wallet-adjusted",
          vars: { amount: `${amount > 0 ? "+" : "−"}${formatRupiah(Math.abs(amount))}`, balance: formatRupiah(after) },
        });
        return { balance: after };
      });
    },
  };
}

export type WalletAdmin = ReturnType<typeof createWalletAdmin>;
