import type { Container } from "../container.js";
import { isOrderStatus, ORDER_STATUSES } from "../features/orders/orders.lifecycle.js";
import { formatRupiah } from "../shared/money.js";
import { CliUsageError, stringOptions, table, type Output } from "./output.js";

const ACTOR = "cli";

function orderId(text: string | undefined, command: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new CliUsageError(`${command} needs an order number`);
  return id;
}

export async function runOrderCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  const admin = container.orderAdmin;
  switch (sub) {
    case "list": {
      const v = stringOptions(rest, ["status", "customer", "limit"]);
      if (v.status !== undefined && !isOrderStatus(v.status))
        throw new CliUsageError(`--status is one of: ${ORDER_STATUSES.join(", ")}`);
      const orders = await admin.list({
        status: v.status,
        customerTelegramId: v.customer ? Number(v.customer) : undefined,
        limit: v.limit ? Number(v.limit) : 20,
      });
      if (orders.length === 0) {
        out.log("No orders match.");
        return 0;
      }
      out.log(
        table([
          ["ORDER", "STATUS", "AMOUNT", "QTY", "TARGET", "SUPPLIER ORDER", "CREATED"],
          ...orders.map((o) => [
            `#${o.id}`,
            o.status,
            formatRupiah(o.amount),
            String(o.quantity),
            o.target.slice(0, 40),
            o.provider_order_id ?? "-",
            new Date(o.created_at).toISOString(),
          ]),
        ]),
      );
      return 0;
    }
    case "show": {
      const id = orderId(rest[0], "order show");
      const { order, payments, ledger, refills, audit } = await admin.show(id);
      out.log(`Order #${order.id}: ${order.status}${order.last_error ? ` (last error: ${order.last_error})` : ""}`);
      out.log(
        `  target ${order.target}${order.zone ? ` (${order.zone})` : ""} · quantity ${order.quantity} · ${formatRupiah(order.amount)} (cost ${formatRupiah(order.cost_amount)})`,
      );
      out.log(
        `  supplier order ${order.provider_order_id ?? "-"} · status ${order.provider_status ?? "-"} · start ${order.start_count ?? "-"} · remains ${order.remains ?? "-"}`,
      );
      for (const p of payments)
        out.log(
          `  payment ${p.reference}: ${p.gateway} ${formatRupiah(p.amount)} ${p.status}${p.flagged_reason ? ` FLAGGED: ${p.flagged_reason}` : ""}`,
        );
      for (const e of ledger)
        out.log(`  ledger ${e.amount > 0 ? "+" : ""}${formatRupiah(e.amount)} ${e.reason} (${e.reference})`);
      for (const r of refills) out.log(`  refill ${r.provider_refill_id ?? "-"}: ${r.status}`);
      for (const a of audit)
        out.log(
          `  audit ${new Date(a.created_at).toISOString()} ${a.actor} ${a.action}${a.reason ? `: ${a.reason}` : ""}`,
        );
      return 0;
    }
    case "sync": {
      const report = await admin.syncNow(rest[0] ? orderId(rest[0], "order sync") : undefined);
      out.log(
        `Checked ${report.checked} orders with ${report.supplierCalls} supplier calls: ${report.changed} changed, ${report.failedSuppliers} suppliers failed, ${report.flaggedStuck} flagged as stuck.`,
      );
      return 0;
    }
    case "resolve": {
      const id = orderId(rest[0], "order resolve");
      const v = stringOptions(
        rest.slice(1).filter((a) => a !== "--retry" && a !== "--refund"),
        ["placed", "reason"],
      );
      const choices = [v.placed !== undefined, rest.includes("--retry"), rest.includes("--refund")].filter(
        Boolean,
      ).length;
      if (choices !== 1)
        throw new CliUsageError("order resolve takes one of --placed SUPPLIER_ORDER_ID, --retry or --refund");
      if (!v.reason) throw new CliUsageError("order resolve needs --reason (what you saw at the supplier)");
      const resolution =
        v.placed !== undefined
          ? { kind: "placed" as const, providerOrderId: v.placed }
          : rest.includes("--retry")
            ? { kind: "not_placed" as const }
            : { kind: "refund" as const };
      const order = await admin.resolveUnknown(id, resolution, ACTOR, v.reason);
      out.log(`Order #${id} is now ${order.status}.`);
      return 0;
    }
    case "retry": {
      const id = orderId(rest[0], "order retry");
      const v = stringOptions(rest.slice(1), ["reason"]);
      if (!v.reason) throw new CliUsageError("order retry needs --reason (e.g. supplier topped up)");
      const order = await container.supplierFunds.retry(id, ACTOR, v.reason);
      out.log(
        `Order #${id} is ${order.status} again: it is placed with the supplier by the job worker (if the supplier is still short, it waits again).`,
      );
      return 0;
    }
    case "progress": {
      const id = orderId(rest[0], "order progress");
      const v = stringOptions(rest.slice(1), ["start-count", "remains", "reason"]);
      if (v["start-count"] === undefined && v.remains === undefined)
        throw new CliUsageError("order progress needs --start-count, --remains or both");
      if (!v.reason) throw new CliUsageError("order progress needs --reason");
      const order = await admin.setProgress(
        id,
        {
          startCount: v["start-count"] !== undefined ? Number(v["start-count"]) : undefined,
          remains: v.remains !== undefined ? Number(v.remains) : undefined,
        },
        ACTOR,
        v.reason,
      );
      out.log(`Order #${id} is ${order.status}: start ${order.start_count ?? "-"}, remains ${order.remains ?? "-"}.`);
      return 0;
    }
    case "notes": {
      const id = orderId(rest[0], "order notes");
      const v = stringOptions(rest.slice(1), ["set"]);
      if (v.set === undefined) throw new CliUsageError('order notes needs --set "TEXT" (an empty text clears them)');
      await admin.setNotes(id, v.set, ACTOR);
      out.log(`Notes of order #${id} saved.`);
      return 0;
    }
    case "refund": {
      const id = orderId(rest[0], "order refund");
      const v = stringOptions(rest.slice(1), ["amount", "reason"]);
      if (!v.reason) throw new CliUsageError("order refund needs --reason");
      const { refunded, order } = await admin.refund(
        id,
        { amount: v.amount ? Number(v.amount) : undefined, reason: v.reason },
        ACTOR,
      );
      out.log(`Refunded ${formatRupiah(refunded)} on order #${id} (now ${order.status}).`);
      return 0;
    }
    case "outcome": {
      const id = orderId(rest[0], "order outcome");
      const v = stringOptions(rest.slice(1), ["status", "remains", "start-count", "note", "reason"]);
      if (v.status !== "completed" && v.status !== "partial" && v.status !== "canceled")
        throw new CliUsageError("--status is completed, partial or canceled");
      if (!v.reason) throw new CliUsageError("order outcome needs --reason");
      const order = await admin.setOutcome(
        id,
        {
          status: v.status,
          remains: v.remains ? Number(v.remains) : undefined,
          startCount: v["start-count"] ? Number(v["start-count"]) : undefined,
          note: v.note,
        },
        ACTOR,
        v.reason,
      );
      out.log(`Order #${id} is now ${order.status}.`);
      return 0;
    }
    default:
      throw new CliUsageError(
        sub
          ? `unknown order command "${sub}"`
          : "order needs a command: list, show, sync, resolve, retry, progress, notes, refund or outcome",
      );
  }
}

export async function runWalletCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, who, ...rest] = args;
  const telegramId = Number(who);
  if (!sub || !Number.isInteger(telegramId))
    throw new CliUsageError("wallet show TELEGRAM_ID | wallet adjust TELEGRAM_ID --amount ±RUPIAH --reason TEXT");
  const customer = await container.customers.findByTelegramId(telegramId);
  if (!customer) throw new CliUsageError(`no customer with Telegram id ${telegramId}`);
  switch (sub) {
    case "show": {
      out.log(
        `${customer.firstName} (${telegramId}): balance ${formatRupiah(await container.wallet.balance(customer.id))}`,
      );
      for (const e of await container.wallet.recentEntries(customer.id, 20))
        out.log(
          `  ${new Date(e.createdAt).toISOString()} ${e.amount > 0 ? "+" : ""}${formatRupiah(e.amount)} ${e.reason}${e.note ? ` — ${e.note}` : ""}`,
        );
      return 0;
    }
    case "adjust": {
      const v = stringOptions(rest, ["amount", "reason"]);
      if (!v.amount || !v.reason)
        throw new CliUsageError("wallet adjust needs --amount (e.g. 5000 or -5000) and --reason");
      const { balance } = await container.walletAdmin.adjust(customer.id, Number(v.amount), v.reason, ACTOR);
      out.log(`Adjusted ${customer.firstName}'s wallet by ${v.amount}: balance ${formatRupiah(balance)}.`);
      return 0;
    }
    default:
      throw new CliUsageError(`unknown wallet command "${sub}"`);
  }
}
