import { z } from "zod";
import { ORDER_MOVES, ORDER_STATUSES } from "../orders/orders.lifecycle.js";
import { AppError } from "../../shared/errors.js";
import { actorNamer } from "./admin.actors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { idParam, jsonBody, parseInput } from "./admin.http.js";
import { can } from "./admin.permissions.js";
import type {
  ManualForm,
  ManualQuote,
  OrderDetail,
  OrderPage,
  OrderRefunded,
  OrderSynced,
  OrdersSynced,
} from "./contracts/orders.contract.js";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day is written YYYY-MM-DD");
const reason = z
  .string({ message: "say why: every change is recorded with its reason" })
  .trim()
  .min(1, "say why: every change is recorded with its reason")
  .max(500);
const count = z.number().int().min(0).max(1_000_000_000);

const ListQuery = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    from: day.optional(),
    to: day.optional(),
    customer: z.string().trim().max(64).optional(),
    customerId: z.coerce.number().int().positive().optional(),
    q: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(0).default(0),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "the first day comes before the last",
    path: ["from"],
  });

const SyncBody = z.object({ reason });
const OutcomeBody = z.object({
  status: z.enum(ORDER_MOVES.manualOutcome.to),
  remains: count.optional(),
  startCount: count.optional(),
  note: z.string().trim().max(500).optional(),
  reason,
});
const ResolveBody = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("placed"),
    providerOrderId: z.string().trim().min(1, "the supplier's order id").max(64),
    reason,
  }),
  z.object({ kind: z.literal("not_placed"), reason }),
  z.object({ kind: z.literal("refund"), reason }),
]);
const ProgressBody = z
  .object({ startCount: count.optional(), remains: count.optional(), reason })
  .refine((b) => b.startCount !== undefined || b.remains !== undefined, {
    message: "give the start count, what remains, or both",
    path: ["remains"],
  });
const NotesBody = z.object({ notes: z.string().max(2_000, "notes are at most 2000 characters") });
const RefundBody = z.object({
  amount: z.number().int().positive("a refund is a whole number of rupiah above zero").optional(),
  reason,
});
const ORDER_INPUTS = [
  "comments",
  "usernames",
  "hashtags",
  "hashtag",
  "username",
  "media",
  "keywords",
  "answerNumber",
  "perPost",
  "posts",
  "delay",
  "expiry",
  "runs",
  "interval",
] as const;
const ManualQuoteBody = z.object({
  customerId: z.number().int().positive(),
  mid: z.number().int().positive(),
  target: z.string().trim().min(1).max(300),
  zone: z.string().trim().max(20).optional(),
  // Absent for types whose quantity follows from the inputs (custom comments, packages, subscriptions).
  quantity: z.number().int().positive().optional(),
  inputs: z.partialRecord(z.enum(ORDER_INPUTS), z.string().max(50_000)).optional(),
});
const ManualCreateBody = z.object({
  quoteId: z.string().min(1).max(64),
  payment: z.enum(["wallet", "external"]),
  reason,
});

/** The services this area is given (admin.areas.ts). */
export type OrdersAreaDeps = Pick<
  AdminServices,
  "orderQueries" | "orderDetail" | "manualOrders" | "orderAdmin" | "supplierFunds" | "admins" | "audit"
>;

/**
 * Orders in the admin app: find (view), look at one with its timeline (view), force a status sync,
 * set an outcome or resolve an unknown order (operate), refund (refund), and make a manual order
 * for a customer (manage). The changes go through the same services as the CLI, each writing its
 * audit entry and telling the customer in the same transaction.
 */
export const ordersArea: AdminArea<OrdersAreaDeps> = (api, deps) => {
  const { orderQueries: queries, orderDetail: details, manualOrders: manual } = deps;
  const admin = deps.orderAdmin;

  const detail = async (orderId: number): Promise<OrderDetail> => {
    const [view, nameOf] = await Promise.all([details.detail(orderId), actorNamer(deps.admins)]);
    return {
      ...view,
      timeline: view.timeline.map((e) =>
        e.kind === "audit" ? { ...e, actorName: nameOf(e.actor).name, actorRole: nameOf(e.actor).role } : e,
      ),
    };
  };

  api.get("/orders", requirePermission("view"), async (c) => {
    const { page, pageSize, ...filter } = parseInput(ListQuery, c.req.query());
    const result = await queries.page(filter, page, pageSize);
    return c.json({ ...result, page, pageSize } satisfies OrderPage);
  });

  api.get("/orders/:id", requirePermission("view"), async (c) => c.json(await detail(idParam(c))));

  api.post("/orders/:id/sync", requirePermission("operate"), async (c) => {
    const id = idParam(c);
    const body = await jsonBody(c, SyncBody);
    const { report } = await admin.forceSync(id, c.get("admin").actor, body.reason);
    return c.json({ report, detail: await detail(id) } satisfies OrderSynced);
  });

  /** "Sync all": every order in progress at every supplier, now (the list's button). */
  api.post("/orders/sync-all", requirePermission("operate"), async (c) => {
    const body = await jsonBody(c, SyncBody);
    const report = await admin.syncNow();
    await deps.audit.recordAlone({
      actor: c.get("admin").actor,
      action: "orders.sync_all",
      subject: "orders",
      after: report,
      reason: body.reason,
    });
    return c.json({ report } satisfies OrdersSynced);
  });

  api.post("/orders/:id/progress", requirePermission("operate"), async (c) => {
    const id = idParam(c);
    const { reason: why, ...progress } = await jsonBody(c, ProgressBody);
    await admin.setProgress(id, progress, c.get("admin").actor, why);
    return c.json(await detail(id));
  });

  api.post("/orders/:id/notes", requirePermission("operate"), async (c) => {
    const id = idParam(c);
    const body = await jsonBody(c, NotesBody);
    await admin.setNotes(id, body.notes, c.get("admin").actor);
    return c.json(await detail(id));
  });

  /** An order waiting for its supplier's funds, placed again now (the admin topped the supplier up). */
  api.post("/orders/:id/retry", requirePermission("operate"), async (c) => {
    const id = idParam(c);
    const body = await jsonBody(c, SyncBody);
    await deps.supplierFunds.retry(id, c.get("admin").actor, body.reason);
    return c.json(await detail(id));
  });

  api.post("/orders/:id/outcome", requirePermission("operate"), async (c) => {
    const id = idParam(c);
    const { reason: why, ...outcome } = await jsonBody(c, OutcomeBody);
    await admin.setOutcome(id, outcome, c.get("admin").actor, why);
    return c.json(await detail(id));
  });

  api.post("/orders/:id/resolve", requirePermission("operate"), async (c) => {
    const id = idParam(c);
    const body = await jsonBody(c, ResolveBody);
    // Resolving by refunding moves money back: that is the refund permission, not operate.
    if (body.kind === "refund" && !can(c.get("admin").role, "refund"))
      throw new AppError("admin.forbidden", `your role (${c.get("admin").role}) cannot refund`);
    const resolution =
      body.kind === "placed" ? { kind: "placed" as const, providerOrderId: body.providerOrderId } : { kind: body.kind };
    await admin.resolveUnknown(id, resolution, c.get("admin").actor, body.reason);
    return c.json(await detail(id));
  });

  api.post("/orders/:id/refund", requirePermission("refund"), async (c) => {
    const id = idParam(c);
    const body = await jsonBody(c, RefundBody);
    const { refunded } = await admin.refund(id, { amount: body.amount, reason: body.reason }, c.get("admin").actor);
    return c.json({ refunded, detail: await detail(id) } satisfies OrderRefunded);
  });

  // Which fields the manual order form shows for a service: its type's extra inputs, and whether a quantity is asked.
  api.get("/orders/manual/form/:mid", requirePermission("manage"), async (c) =>
    c.json((await manual.form(Number(c.req.param("mid")))) satisfies ManualForm),
  );

  api.post("/orders/manual/quote", requirePermission("manage"), async (c) => {
    const body = await jsonBody(c, ManualQuoteBody);
    return c.json((await manual.quote(body)) satisfies ManualQuote);
  });

  api.post("/orders/manual", requirePermission("manage"), async (c) => {
    const body = await jsonBody(c, ManualCreateBody);
    const order = await manual.create(body, c.get("admin").actor);
    return c.json(await detail(order.id), 201);
  });
};
