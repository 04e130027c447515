// Generated from src/features/orders/orders.lifecycle.ts by `npx tsx scripts/order-lifecycle.ts`; do not edit.
// The app imports server code type-only, so the runtime list is a copy that a test keeps equal.
import type { OrderStatus } from "../../../src/features/admin/contracts/orders.contract";

export const ORDER_STATUSES = ["awaiting_payment", "paid", "placing", "processing", "completed", "partial", "canceled", "unknown", "refunded", "expired", "manual", "waiting_funds"] as const satisfies readonly OrderStatus[];
