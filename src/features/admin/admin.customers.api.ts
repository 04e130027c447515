import { z } from "zod";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { idParam, jsonBody, parseInput } from "./admin.http.js";
import type { BalanceAdjusted, CustomerDetail, CustomerPage, LedgerPage } from "./contracts/customers.contract.js";

const Paging = {
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const SearchQuery = z.object({ q: z.string().trim().max(64).optional(), ...Paging });
const LedgerQuery = z.object(Paging);
const AdjustBody = z.object({
  // Signed: a credit is positive, a debit negative; the wallet refuses a debit below zero.
  amount: z
    .number({ message: "the amount is a whole number of rupiah" })
    .int("the amount is a whole number of rupiah")
    .refine((n) => n !== 0, "the amount cannot be zero")
    .refine((n) => Math.abs(n) <= 100_000_000, "at most Rp 100.000.000 at a time"),
  reason: z
    .string({ message: "say why: every adjustment is recorded with its reason" })
    .trim()
    .min(1, "say why: every adjustment is recorded with its reason")
    .max(500),
});

/** The services this area is given (admin.areas.ts). */
export type CustomersAreaDeps = Pick<AdminServices, "customerDirectory" | "walletAdmin">;

/**
 * Customers in the admin app: search and look (view), and adjust a balance with a reason
 * (refund: it moves money). The adjustment is wallet.admin's one transaction: ledger entry,
 * audit entry and the customer's notice together.
 */
export const customersArea: AdminArea<CustomersAreaDeps> = (api, deps) => {
  const directory = deps.customerDirectory;

  api.get("/customers", requirePermission("view"), async (c) => {
    const { q, page, pageSize } = parseInput(SearchQuery, c.req.query());
    return c.json({ ...(await directory.search(q, page, pageSize)), page, pageSize } satisfies CustomerPage);
  });

  api.get("/customers/:id", requirePermission("view"), async (c) =>
    c.json((await directory.detail(idParam(c))) satisfies CustomerDetail),
  );

  api.get("/customers/:id/ledger", requirePermission("view"), async (c) => {
    const { page, pageSize } = parseInput(LedgerQuery, c.req.query());
    return c.json({ ...(await directory.ledger(idParam(c), page, pageSize)), page, pageSize } satisfies LedgerPage);
  });

  api.post("/customers/:id/adjust", requirePermission("refund"), async (c) => {
    const id = idParam(c);
    const body = await jsonBody(c, AdjustBody);
    await directory.detail(id); // a 404 for a customer that does not exist
    const { balance } = await deps.walletAdmin.adjust(id, body.amount, body.reason, c.get("admin").actor);
    return c.json({ balance } satisfies BalanceAdjusted);
  });
};
