/**
 * The order lifecycle, as code: every status an order can have and every named move between them.
 * It is the only place either is written. Call sites name a move (`orders.move(trx, id, "expire", …)`)
 * and this table supplies its from-states; a target outside the move's `to` is refused like a lost
 * race (nothing written). The admin API, the CLI, the Mini App (type-only, plus a generated list),
 * `docs/ARCHITECTURE.md` ("Order states", generated) and the money-path property test read it.
 * Pure data with no imports, so any layer (and the app's type checker) may depend on it.
 */

export const ORDER_STATUSES = [
  "awaiting_payment",
  "paid",
  "placing",
  "processing",
  "completed",
  "partial",
  "canceled",
  "unknown",
  "refunded",
  "expired",
  "manual",
  /** The supplier is out of funds: the order waits for a top-up (or the shop's deadline refunds it). */
  "waiting_funds",
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses an order never leaves by itself (an admin may still refund a completed or partial one). */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ["completed", "partial", "canceled", "refunded", "expired"];

interface MoveSpec {
  readonly from: readonly OrderStatus[];
  /** The statuses it may end in; "same" is a change of fields that keeps the status (a self-loop). */
  readonly to: readonly OrderStatus[] | "same";
  /** Who or what causes it; read by people (the generated doc), not by the code. */
  readonly why: string;
}

/**
 * Every move an order may make. A move's name says what happened; its from-states are the guard
 * that makes racing writers (a duplicate webhook, a retried job) apply it at most once.
 */
export const ORDER_MOVES = {
  // Payment (payments feature).
  payByGateway: {
    from: ["awaiting_payment", "expired"],
    to: ["paid"],
    why: "gateway confirms payment (a late payment revives an expired order)",
  },
  payFromWallet: { from: ["awaiting_payment"], to: ["paid"], why: "customer pays from the wallet" },
  payWithStars: { from: ["awaiting_payment"], to: ["paid"], why: "Telegram Stars payment succeeds" },
  expire: { from: ["awaiting_payment"], to: ["expired"], why: "invoice expires or is abandoned" },
  recordManualOrder: { from: ["awaiting_payment"], to: ["manual"], why: "admin records an order paid outside the bot" },
  // Placement at the supplier (fulfilment feature). paid → placing is `orders.startPlacement`.
  startPlacement: {
    from: ["paid", "placing"],
    to: ["placing"],
    why: "placement job starts a supplier call (placing only when the last call provably never left)",
  },
  handToManual: { from: ["paid"], to: ["manual"], why: "service is fulfilled by hand" },
  releasePlacement: {
    from: ["placing"],
    to: "same",
    why: "supplier call ended without a placement; the job may try again",
  },
  failover: {
    from: ["placing"],
    to: "same",
    why: "definitive refusal, a backup service exists: placed again on the backup",
  },
  refuseAndRefund: { from: ["placing"], to: ["refunded"], why: "definitive refusal, no backup" },
  markUnknown: { from: ["placing"], to: ["unknown"], why: "ambiguous supplier outcome: never re-sent blindly" },
  waitForFunds: { from: ["placing"], to: ["waiting_funds"], why: "supplier out of funds" },
  placed: {
    from: ["placing", "unknown"],
    to: ["processing", "completed"],
    why: "supplier accepted the order (or an unknown one is found there)",
  },
  placeAgain: {
    from: ["unknown"],
    to: ["placing"],
    why: "it is certain the supplier has no such order (automatic resolution or an admin)",
  },
  fundsResumed: { from: ["waiting_funds"], to: ["paid"], why: "supplier has funds again: placed anew" },
  fundsDeadlineRefund: { from: ["waiting_funds"], to: ["refunded"], why: "still waiting past the shop's deadline" },
  // Progress at the supplier (status sync, aftercare).
  supplierProgress: { from: ["processing"], to: "same", why: "status sync records progress or a failed status check" },
  supplierFinished: {
    from: ["processing"],
    to: ["completed", "partial", "canceled"],
    why: "supplier reports the end (partial and canceled refund as due)",
  },
  flagStuck: { from: ["processing"], to: "same", why: "no progress for too long: admins are told once" },
  requestCancel: { from: ["processing"], to: "same", why: "customer asks the supplier to cancel" },
  // Admin actions (orders feature).
  resolveAsPlaced: { from: ["unknown"], to: ["processing"], why: "admin: the supplier holds it under this id" },
  resolveByRefund: { from: ["unknown"], to: ["refunded"], why: "admin refunds an unknown order" },
  manualProgress: {
    from: ["manual", "processing"],
    to: ["processing"],
    why: "admin records progress of a manual order",
  },
  manualOutcome: {
    from: ["manual", "processing", "unknown"],
    to: ["completed", "partial", "canceled"],
    why: "admin records how an order ended",
  },
  adminRefund: {
    from: ["processing", "completed", "partial", "unknown", "manual", "waiting_funds"],
    to: ["refunded"],
    why: "admin refunds the whole amount (a part leaves the status alone)",
  },
} as const satisfies Record<string, MoveSpec>;

export type OrderMove = keyof typeof ORDER_MOVES;

/** The statuses a move may end in (never for a move that keeps the status). */
export type MoveTarget<M extends OrderMove> = (typeof ORDER_MOVES)[M]["to"] extends readonly (infer S extends
  OrderStatus)[]
  ? S
  : never;

/** States from which an admin may refund: the customer has paid and no refund has closed the order. */
export const REFUNDABLE: readonly OrderStatus[] = ORDER_MOVES.adminRefund.from;

/** Whether `move` may write `status` (undefined: the status stays); its from-states are the other half of the guard. */
export function moveMayEndIn(move: OrderMove, status: OrderStatus | undefined): boolean {
  const spec: MoveSpec = ORDER_MOVES[move];
  return spec.to === "same" ? status === undefined : status !== undefined && spec.to.includes(status);
}

/** The state diagram: from each status, the other statuses it may move to (self-loops left out). */
export function allowedTransitions(): Record<OrderStatus, OrderStatus[]> {
  const graph = Object.fromEntries(ORDER_STATUSES.map((s) => [s, [] as OrderStatus[]])) as Record<
    OrderStatus,
    OrderStatus[]
  >;
  for (const spec of Object.values(ORDER_MOVES) as MoveSpec[]) {
    if (spec.to === "same") continue;
    for (const from of spec.from)
      for (const to of spec.to) if (to !== from && !graph[from].includes(to)) graph[from].push(to);
  }
  for (const from of ORDER_STATUSES) graph[from].sort((a, b) => ORDER_STATUSES.indexOf(a) - ORDER_STATUSES.indexOf(b));
  return graph;
}

export function isOrderStatus(text: string): text is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(text);
}
