import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { SecretBox } from "../../infra/crypto/secret-box.js";
import type { Db } from "../../infra/db/open-database.js";
import type { HttpClient } from "../../infra/http/http-client.js";
import { AppError, errorMessage } from "../../shared/errors.js";
import { isPositive, parseDecimal } from "../../shared/money.js";
import { CREDENTIAL_FIELDS, createProviderAdapter } from "./provider-adapters.js";
import { PROVIDER_KINDS, type Balance, type ProviderAdapter, type ProviderKind } from "./provider.types.js";
import { findProviderById, findProviderByName, insertProvider, listProviders, updateProvider } from "./providers.repository.js";
import type { ProviderRow } from "./providers.table.js";

export interface ProvidersServiceDeps {
  db: Db;
  clock: Clock;
  http: HttpClient;
  secretBox: SecretBox;
}

/** What callers may see of a supplier: never its credentials. */
export interface ProviderSummary {
  id: number;
  name: string;
  kind: ProviderKind;
  apiUrl: string;
  currency: string;
  rateToIdr: string;
  active: boolean;
  isSandbox: boolean;
  lastTest: { at: number; ok: boolean; message: string; latencyMs: number | null; balance: string | null } | null;
}

export interface ConnectionTest {
  ok: boolean;
  latencyMs: number;
  balance?: Balance;
  message: string;
}

const AddProviderInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "name is required")
      .max(64, "name is at most 64 characters")
      .regex(/^[\p{L}\p{N} ._-]+$/u, "name may hold letters, digits, spaces, dots, dashes and underscores"),
    kind: z.enum(PROVIDER_KINDS, { message: `kind must be one of: ${PROVIDER_KINDS.join(", ")}` }),
    url: z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }),
    credentials: z.record(z.string(), z.string()),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "currency is a 3-letter code such as IDR or USD").default("IDR"),
    rateToIdr: z.string().trim().optional(),
    isSandbox: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    for (const field of CREDENTIAL_FIELDS[input.kind]) {
      if (!input.credentials[field]?.trim()) ctx.addIssue({ code: "custom", path: ["credentials", field], message: `${field} is required for ${input.kind}` });
    }
    if (input.rateToIdr !== undefined) {
      const rate = parseDecimal(input.rateToIdr);
      if (!rate || !isPositive(rate)) ctx.addIssue({ code: "custom", path: ["rateToIdr"], message: "rate to IDR must be a positive number such as 16250" });
    } else if (input.currency !== "IDR") {
      ctx.addIssue({ code: "custom", path: ["rateToIdr"], message: `a ${input.currency} supplier needs its rate to IDR (for example 16250)` });
    }
  });
export type AddProviderInput = z.input<typeof AddProviderInput>;

export function createProvidersService(deps: ProvidersServiceDeps) {
  const { db, clock, http, secretBox } = deps;
  const aad = (id: number) => `provider:${id}`;
  const adapters = new Map<number, { updatedAt: number; adapter: ProviderAdapter }>();

  const requireByName = async (name: string): Promise<ProviderRow> => {
    const row = await findProviderByName(db, name);
    if (!row) throw new AppError("providers.not_found", `no supplier named "${name}"`);
    return row;
  };

  const adapterForRow = (row: ProviderRow): ProviderAdapter => {
    const cached = adapters.get(row.id);
    if (cached && cached.updatedAt === row.updated_at) return cached.adapter;
    const credentials = JSON.parse(secretBox.open(row.credentials, aad(row.id))) as Record<string, string>;
    const adapter = createProviderAdapter(row.kind as ProviderKind, row.api_url, credentials, http);
    adapters.set(row.id, { updatedAt: row.updated_at, adapter });
    return adapter;
  };

  return {
    /** Registers a supplier; its credentials are sealed to the new row before the transaction commits. */
    async add(input: AddProviderInput): Promise<ProviderSummary> {
      const parsed = AddProviderInput.safeParse(input);
      if (!parsed.success) throw new AppError("providers.invalid_input", z.prettifyError(parsed.error));
      const value = parsed.data;
      if (await findProviderByName(db, value.name)) throw new AppError("providers.duplicate_name", `a supplier named "${value.name}" already exists`);
      const now = clock.now();
      const id = await db.transaction().execute(async (trx) => {
        const newId = await insertProvider(trx, {
          name: value.name,
          kind: value.kind,
          api_url: value.url,
          credentials: "",
          currency: value.currency,
          rate_to_idr: value.rateToIdr ?? "1",
          is_sandbox: value.isSandbox ? 1 : 0,
          last_test_at: null,
          last_test_ok: null,
          last_test_message: null,
          last_test_latency_ms: null,
          last_balance: null,
          created_at: now,
          updated_at: now,
        });
        await updateProvider(trx, newId, { credentials: secretBox.seal(JSON.stringify(value.credentials), aad(newId)) });
        return newId;
      });
      return toSummary((await findProviderById(db, id))!);
    },

    /** Changes a supplier's address or credentials (sealed again to the same row) or turns it on or off. */
    async edit(name: string, changes: { url?: string; credentials?: Record<string, string>; active?: boolean }): Promise<ProviderSummary> {
      const row = await requireByName(name);
      if (changes.url !== undefined && !z.url({ protocol: /^https?$/ }).safeParse(changes.url).success) {
        throw new AppError("providers.invalid_input", "url must be an http(s) address");
      }
      for (const field of changes.credentials ? CREDENTIAL_FIELDS[row.kind as ProviderKind] : []) {
        if (!changes.credentials?.[field]?.trim()) throw new AppError("providers.invalid_input", `${field} is required for ${row.kind}`);
      }
      await updateProvider(db, row.id, {
        ...(changes.url !== undefined ? { api_url: changes.url } : {}),
        ...(changes.credentials ? { credentials: secretBox.seal(JSON.stringify(changes.credentials), aad(row.id)) } : {}),
        ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
        updated_at: clock.now(),
      });
      adapters.delete(row.id);
      return toSummary((await findProviderById(db, row.id))!);
    },

    /** A live bot never sells through the local simulator, even when it shares the sandbox's database. */
    async disableSandboxProviders(): Promise<number> {
      const result = await db.updateTable("providers").set({ active: 0, updated_at: clock.now() }).where("is_sandbox", "=", 1).where("active", "=", 1).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async list(): Promise<ProviderSummary[]> {
      return (await listProviders(db)).map(toSummary);
    },

    async findByName(name: string): Promise<ProviderSummary | undefined> {
      const row = await findProviderByName(db, name);
      return row ? toSummary(row) : undefined;
    },

    async requireByName(name: string): Promise<ProviderSummary> {
      return toSummary(await requireByName(name));
    },

    async getById(id: number): Promise<ProviderSummary | undefined> {
      const row = await findProviderById(db, id);
      return row ? toSummary(row) : undefined;
    },

    /** The adapter with decrypted credentials; cached until the supplier row changes. */
    async adapterFor(providerId: number): Promise<ProviderAdapter> {
      const row = await findProviderById(db, providerId);
      if (!row) throw new AppError("providers.not_found", `no supplier with id ${providerId}`);
      return adapterForRow(row);
    },

    /** Calls `balance` and records the result, latency and time on the supplier row. */
    async test(name: string): Promise<ConnectionTest> {
      const row = await requireByName(name);
      const started = performance.now();
      let result: ConnectionTest;
      try {
        const balance = await adapterForRow(row).balance();
        result = { ok: true, latencyMs: Math.round(performance.now() - started), balance, message: "ok" };
      } catch (error) {
        result = { ok: false, latencyMs: Math.round(performance.now() - started), message: errorMessage(error) };
      }
      await updateProvider(db, row.id, {
        last_test_at: clock.now(),
        last_test_ok: result.ok ? 1 : 0,
        last_test_message: result.message,
        last_test_latency_ms: result.latencyMs,
        last_balance: result.balance ? `${result.balance.balance} ${result.balance.currency}`.trim() : row.last_balance,
      });
      return result;
    },
  };
}

export type ProvidersService = ReturnType<typeof createProvidersService>;

function toSummary(row: ProviderRow): ProviderSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProviderKind,
    apiUrl: row.api_url,
    currency: row.currency,
    rateToIdr: row.rate_to_idr,
    active: row.active === 1,
    isSandbox: row.is_sandbox === 1,
    lastTest:
      row.last_test_at === null
        ? null
        : { at: row.last_test_at, ok: row.last_test_ok === 1, message: row.last_test_message ?? "", latencyMs: row.last_test_latency_ms, balance: row.last_balance },
  };
}
