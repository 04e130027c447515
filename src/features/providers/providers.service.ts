import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { SecretBox } from "../../infra/crypto/secret-box.js";
import type { Db } from "../../infra/db/open-database.js";
import { isUniqueViolation } from "../../infra/db/portable-sql.js";
import type { HttpClient } from "../../infra/http/http-client.js";
import { AppError, errorMessage, issueText } from "../../shared/errors.js";
import { isPositive, parseDecimal } from "../../shared/money.js";
import type { AuditService } from "../audit/audit.service.js";
import { CREDENTIAL_FIELDS, createProviderAdapter, requiredCredentials } from "./provider-adapters.js";
import {
  INDO_PANELS,
  PROVIDER_KINDS,
  type Balance,
  type ProviderAdapter,
  type ProviderCredentials,
  type ProviderKind,
  type ProviderOptions,
} from "./provider.types.js";
import {
  deactivateSandboxProviders,
  findProviderById,
  findProviderByName,
  insertProvider,
  listProviders,
  updateProvider,
} from "./providers.repository.js";
import type { ProviderRow } from "./providers.table.js";
import {
  currencyProblemOf,
  currencyProblemText,
  reportedCurrency,
  type CurrencyProblem,
  type CurrencyState,
} from "./supplier-currency.js";
import { maskSupplierText, maskUrl, secretsOf, urlCredentialProblem, withMaskedText } from "./supplier-text.js";

export interface ProvidersServiceDeps {
  db: Db;
  clock: Clock;
  http: HttpClient;
  secretBox: SecretBox;
  audit: AuditService;
  /** Admin alerts about a supplier's currency (held or released), queued through notifications. */
  alerts?: SupplierAlert;
}

/** An admin alert about a supplier, queued in the transaction that records why. */
export type SupplierAlert = (trx: Db, notice: { key: string; vars: Record<string, string | number> }) => Promise<void>;

/** What holds a supplier off sale because of its currency, for the CLI, the API and the app's banner. */
export interface CurrencyCheck {
  problem: CurrencyProblem | null;
  /** What the supplier itself last said it prices in (null: never asked yet). */
  reported: string | null;
  checkedAt: number | null;
  /** What is wrong and the exact fix, in English (the app renders `problem` in the admin's language). */
  message: string | null;
}

/** What callers may see of a supplier: never its credentials, only which ones are set. */
export interface ProviderSummary {
  id: number;
  name: string;
  kind: ProviderKind;
  apiUrl: string;
  currency: string;
  /** Rupiah per unit of `currency`; "" while a foreign-currency supplier has no rate (then nothing of it is sold). */
  rateToIdr: string;
  currencyCheck: CurrencyCheck;
  options: ProviderOptions;
  active: boolean;
  isSandbox: boolean;
  /** Rupiah: admins are alerted when the balance falls below it (null: no alert). */
  lowBalanceThreshold: number | null;
  lastTest: { at: number; ok: boolean; message: string; latencyMs: number | null; balance: string | null } | null;
}

/** A supplier's balance as asked for the dashboard: an error or a timeout stays with its supplier. */
export interface BalanceCheck {
  id: number;
  name: string;
  ok: boolean;
  balance: Balance | null;
  latencyMs: number;
  message: string;
}

export interface ConnectionTest {
  ok: boolean;
  latencyMs: number;
  balance?: Balance;
  message: string;
  /** Set when the supplier answered but its currency holds it off sale: what is wrong and the fix. */
  currencyProblem?: string;
}

const Credentials = z.object({
  key: z.string().trim().min(1).optional(),
  apiId: z.string().trim().min(1).optional(),
  apiKey: z.string().trim().min(1).optional(),
  secretKey: z.string().trim().min(1).optional(),
  username: z.string().trim().min(1).optional(),
  webhookSecret: z.string().trim().min(1).optional(),
});

const Options = z.object({
  panel: z.enum(INDO_PANELS, { message: `panel must be one of: ${INDO_PANELS.join(", ")}` }).optional(),
  priceTier: z.enum(["basic", "premium", "special"]).optional(),
  idempotencyParam: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  testing: z.boolean().optional(),
});

const rate = z
  .string()
  .trim()
  .refine((text) => {
    const d = parseDecimal(text);
    return d !== undefined && isPositive(d);
  }, "rate to IDR must be a positive number such as 16250");

const supplierName = z
  .string()
  .trim()
  .min(1, "name is required")
  .max(64, "name is at most 64 characters")
  .regex(/^[\p{L}\p{N} ._-]+$/u, "name may hold letters, digits, spaces, dots, dashes and underscores");

const AddProviderInput = z
  .object({
    name: supplierName,
    kind: z.enum(PROVIDER_KINDS, { message: `kind must be one of: ${PROVIDER_KINDS.join(", ")}` }),
    url: z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }),
    credentials: Credentials,
    options: Options.default({}),
    // Left out: the currency the supplier itself reports (rupiah for the families that never say).
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "currency is a 3-letter code such as IDR or USD")
      .optional(),
    rateToIdr: rate.optional(),
    isSandbox: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    checkCredentials(input.kind, input.options, input.credentials, (message, path) =>
      ctx.addIssue({ code: "custom", path, message }),
    );
    if (input.rateToIdr === undefined && input.currency !== undefined && input.currency !== "IDR") {
      ctx.addIssue({
        code: "custom",
        path: ["rateToIdr"],
        message: `a ${input.currency} supplier needs its rate to IDR (for example 16250)`,
        params: { key: "providers.rate_required", values: { currency: input.currency } },
      });
    }
    // A rate on a rupiah supplier would multiply every cost by it: refuse rather than guess.
    const urlProblem = urlCredentialProblem(input.url, input.credentials);
    if (urlProblem) ctx.addIssue({ code: "custom", path: ["url"], message: urlProblem });
    if (input.rateToIdr !== undefined && input.currency === "IDR" && parseDecimal(input.rateToIdr)?.units !== 1n) {
      ctx.addIssue({
        code: "custom",
        path: ["rateToIdr"],
        message:
          "a rate to IDR only applies to a supplier priced in another currency: give its currency too (for example USD)",
        params: { key: "providers.rate_without_currency" },
      });
    }
  });
export type AddProviderInput = z.input<typeof AddProviderInput>;

const EditProviderInput = z.object({
  /** A new name: the supplier keeps its id, services and history. */
  name: supplierName.optional(),
  url: z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }).optional(),
  credentials: Credentials.optional(),
  options: Options.optional(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "currency is a 3-letter code such as IDR or USD")
    .optional(),
  rateToIdr: rate.optional(),
  active: z.boolean().optional(),
  /** Rupiah; null turns the low-balance alert off. */
  lowBalanceThreshold: z
    .number({ message: "the low-balance threshold is a whole number of rupiah" })
    .int("the low-balance threshold is a whole number of rupiah")
    .min(0, "the low-balance threshold is 0 or more")
    .max(10_000_000_000)
    .nullable()
    .optional(),
});
export type EditProviderInput = z.input<typeof EditProviderInput>;

function checkCredentials(
  kind: ProviderKind,
  options: ProviderOptions,
  credentials: ProviderCredentials,
  report: (message: string, path: string[]) => void,
): void {
  if (kind === "indo-panel" && !options.panel)
    report(`indo-panel suppliers need a panel: ${INDO_PANELS.join(", ")}`, ["options", "panel"]);
  for (const field of requiredCredentials(kind, options)) {
    if (!credentials[field])
      report(`${field} is required for ${kind}${kind === "indo-panel" && options.panel ? ` (${options.panel})` : ""}`, [
        "credentials",
        field,
      ]);
  }
}

/** Every credential field a kind can hold: the ones it needs, then the optional ones. */
export function credentialFieldsOf(kind: ProviderKind): Array<keyof ProviderCredentials> {
  const fields: Array<keyof ProviderCredentials> = [...CREDENTIAL_FIELDS[kind]];
  if (kind === "indo-panel") fields.push("secretKey");
  fields.push("webhookSecret");
  return fields;
}

/** What an audit entry may say about a supplier: everything but its credentials. */
function auditView(summary: ProviderSummary) {
  // apiUrl is masked in the summary already (credentials in a URL are refused, older rows masked).
  return {
    name: summary.name,
    kind: summary.kind,
    apiUrl: summary.apiUrl,
    currency: summary.currency,
    rateToIdr: summary.rateToIdr,
    options: summary.options,
    active: summary.active,
    lowBalanceThreshold: summary.lowBalanceThreshold,
  };
}

/** The keys of `after` whose values differ from `before`. */
function changedKeys<T extends object>(before: T, after: T): Array<keyof T> {
  return (Object.keys(after) as Array<keyof T>).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export function createProvidersService(deps: ProvidersServiceDeps) {
  const { db, clock, http, secretBox, audit } = deps;
  const aad = (id: number) => `provider:${id}`;
  const adapters = new Map<number, { updatedAt: number; adapter: ProviderAdapter }>();

  const requireByName = async (name: string): Promise<ProviderRow> => {
    const row = await findProviderByName(db, name);
    if (!row) throw new AppError("providers.not_found", `no supplier named "${name}"`);
    return row;
  };

  const credentialsOf = (row: ProviderRow): ProviderCredentials =>
    JSON.parse(secretBox.open(row.credentials, aad(row.id))) as ProviderCredentials;

  const adapterForRow = (row: ProviderRow): ProviderAdapter => {
    const cached = adapters.get(row.id);
    if (cached && cached.updatedAt === row.updated_at) return cached.adapter;
    const credentials = credentialsOf(row);
    // Whatever the supplier sends back is masked before anyone stores, logs or shows it.
    const adapter = withMaskedText(
      createProviderAdapter(
        { kind: row.kind as ProviderKind, url: row.api_url, credentials, options: parseOptions(row.options) },
        http,
      ),
      credentials,
    );
    adapters.set(row.id, { updatedAt: row.updated_at, adapter });
    return adapter;
  };

  const invalid = (error: z.ZodError) =>
    new AppError(
      "providers.invalid_input",
      error.issues.map((issue) => `✖ ${issue.message}`).join("\n"),
      textOf(error),
    );
  // The first issue that says its message as a key (the app shows that one in the admin's language).
  const textOf = (error: z.ZodError) => {
    const text = error.issues.map((issue) => issueText(issue as { params?: Record<string, unknown> })).find(Boolean);
    return text ? { text } : {};
  };

  const alert = deps.alerts;
  const stateOf = (row: ProviderRow): CurrencyState => ({
    configured: row.currency,
    rateToIdr: row.rate_to_idr,
    reported: row.reported_currency,
  });

  /**
   * What holds a supplier after its configuration changed or it was asked again (`reported`
   * undefined: it could not say). Once fixed, prices stored under a wrong currency stay off sale
   * until an import prices them anew ("needs_import"); a fresh supplier has none to fear.
   */
  const problemAfter = (
    row: ProviderRow,
    reported: string | undefined,
    currencyGiven = false,
  ): CurrencyProblem | null => {
    const problem = currencyProblemOf({ ...stateOf(row), reported: reported ?? row.reported_currency });
    if (problem) return problem;
    if (
      row.currency_problem === "unverified" &&
      reported === undefined &&
      row.reported_currency === null &&
      !currencyGiven
    )
      return "unverified";
    if (row.currency_problem === "mismatch" || row.currency_problem === "needs_import") return "needs_import";
    return null;
  };

  /** The admin alert for a change in what holds a supplier, in the admins' language (locales: admin-supplier-currency-*). */
  const alertCurrency = async (trx: Db, row: ProviderRow, problem: CurrencyProblem | null): Promise<void> => {
    if (!alert) return;
    const key =
      problem === null ? "admin-supplier-currency-ok" : `admin-supplier-currency-${problem.replace("_", "-")}`;
    await alert(trx, {
      key,
      vars: { provider: row.name, configured: row.currency, reported: row.reported_currency ?? "?" },
    });
  };

  /** Records what the supplier said and what holds it now; admins hear when that changes (once, not at every check). */
  const recordCurrency = async (
    row: ProviderRow,
    reported: string | null,
    problem: CurrencyProblem | null,
    checked: boolean,
  ): Promise<ProviderRow> => {
    await db.transaction().execute(async (trx) => {
      await updateProvider(trx, row.id, {
        reported_currency: reported,
        currency_problem: problem,
        ...(checked ? { currency_checked_at: clock.now() } : {}),
      });
      if (problem !== row.currency_problem) await alertCurrency(trx, { ...row, reported_currency: reported }, problem);
    });
    return (await findProviderById(db, row.id))!;
  };

  /**
   * A supplier added without a currency while it could not be asked takes the one it reports the
   * first time it answers (as `add` would have): the admin never chose another.
   */
  const adoptIfUnverified = async (row: ProviderRow, reported: string | undefined): Promise<ProviderRow> => {
    if (row.currency_problem !== "unverified" || reported === undefined || reported === row.currency) return row;
    const adopted = { currency: reported, rate_to_idr: reported === "IDR" ? "1" : "" };
    await updateProvider(db, row.id, { ...adopted, updated_at: clock.now() });
    return { ...row, ...adopted, updated_at: clock.now() };
  };

  /** What the supplier prices in: its balance answer for SMM v2, the family's contract for the others. */
  const askCurrency = async (kind: ProviderKind, adapter: ProviderAdapter): Promise<string | undefined> => {
    const fixed = reportedCurrency(kind, undefined);
    if (fixed) return fixed;
    return reportedCurrency(kind, (await adapter.balance()).currency);
  };

  return {
    /**
     * Registers a supplier; its credentials are sealed to the new row before the transaction commits.
     * The audit entry names which credential fields were given, never their values.
     */
    async add(input: AddProviderInput, actor = "cli"): Promise<ProviderSummary> {
      const parsed = AddProviderInput.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error);
      const value = parsed.data;
      if (await findProviderByName(db, value.name))
        throw new AppError("providers.duplicate_name", `a supplier named "${value.name}" already exists`);
      // Ask the supplier what it prices in before anything is stored: its answer decides.
      let reported: string | undefined;
      try {
        reported = await askCurrency(
          value.kind,
          withMaskedText(
            createProviderAdapter(
              { kind: value.kind, url: value.url, credentials: value.credentials, options: value.options },
              http,
            ),
            value.credentials,
          ),
        );
      } catch {
        reported = undefined;
      }
      const currency = value.currency ?? reported ?? "IDR";
      if (value.currency !== undefined && reported !== undefined && reported !== value.currency) {
        throw new AppError(
          "providers.currency",
          `${value.name} reports its prices in ${reported}, not ${value.currency}: add it with --currency ${reported}${reported === "IDR" ? "" : ` --rate <rupiah per 1 ${reported}>`}, or leave out --currency to take what it reports`,
        );
      }
      if (value.rateToIdr !== undefined && currency === "IDR" && parseDecimal(value.rateToIdr)?.units !== 1n) {
        throw new AppError(
          "providers.invalid_input",
          `${value.name} prices in rupiah (IDR)${reported === "IDR" ? ", as it reports" : ""}: a rate to IDR only applies to a supplier priced in another currency. Leave out --rate`,
        );
      }
      const problem: CurrencyProblem | null =
        currencyProblemOf({ configured: currency, rateToIdr: value.rateToIdr ?? "", reported: reported ?? null }) ??
        (reported === undefined && value.currency === undefined ? "unverified" : null);
      const now = clock.now();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const newId = await insertProvider(trx, {
            name: value.name,
            kind: value.kind,
            api_url: value.url,
            credentials: "",
            options: JSON.stringify(value.options),
            currency,
            // No rate yet for a foreign currency: "" (never a made-up 1), and the supplier is held.
            rate_to_idr: value.rateToIdr ?? (currency === "IDR" ? "1" : ""),
            reported_currency: reported ?? null,
            currency_checked_at: reported === undefined ? null : now,
            currency_problem: problem,
            is_sandbox: value.isSandbox ? 1 : 0,
            last_test_at: null,
            last_test_ok: null,
            last_test_message: null,
            last_test_latency_ms: null,
            last_balance: null,
            created_at: now,
            updated_at: now,
          });
          await updateProvider(trx, newId, {
            credentials: secretBox.seal(JSON.stringify(value.credentials), aad(newId)),
          });
          const created = toSummary((await findProviderById(trx, newId))!);
          const credentialFields = Object.keys(value.credentials).filter((k) =>
            Boolean(value.credentials[k as keyof ProviderCredentials]),
          );
          await audit.record(trx, {
            actor,
            action: "provider.add",
            subject: `provider:${newId}`,
            before: null,
            after: { ...auditView(created), credentialFields },
          });
          if (problem) await alertCurrency(trx, (await findProviderById(trx, newId))!, problem);
          return newId;
        })
        .catch((error: unknown) => {
          // The same name added meanwhile (the name check above and this insert are apart: the supplier was asked in between).
          if (isUniqueViolation(error))
            throw new AppError("providers.duplicate_name", `a supplier named "${value.name}" already exists`);
          throw error;
        });
      return toSummary((await findProviderById(db, id))!);
    },

    /**
     * Changes a supplier. Credentials given are merged over the stored ones (change one key without
     * retyping the others) and sealed again to the same row.
     */
    async edit(name: string, changes: EditProviderInput, actor = "cli"): Promise<ProviderSummary> {
      const row = await requireByName(name);
      const parsed = EditProviderInput.safeParse(changes);
      if (!parsed.success) throw invalid(parsed.error);
      const value = parsed.data;
      const kind = row.kind as ProviderKind;
      const urlProblem =
        value.url !== undefined || value.credentials
          ? urlCredentialProblem(value.url ?? row.api_url, { ...credentialsOf(row), ...value.credentials })
          : undefined;
      if (urlProblem) throw new AppError("providers.invalid_input", urlProblem);
      const options = value.options ? { ...parseOptions(row.options), ...value.options } : undefined;
      const credentials = value.credentials ? { ...credentialsOf(row), ...value.credentials } : undefined;
      if (options || credentials) {
        const problems: string[] = [];
        checkCredentials(kind, options ?? parseOptions(row.options), credentials ?? credentialsOf(row), (message) =>
          problems.push(message),
        );
        if (problems.length > 0) throw new AppError("providers.invalid_input", problems.join("\n"));
      }
      if (value.name !== undefined && value.name !== row.name) {
        const taken = await findProviderByName(db, value.name);
        if (taken && taken.id !== row.id)
          throw new AppError(
            "providers.duplicate_name",
            `a supplier named "${taken.name}" already exists: choose another name`,
          );
      }
      const currency = value.currency ?? row.currency;
      if (currency !== "IDR" && value.currency && value.currency !== row.currency && !value.rateToIdr)
        throw new AppError(
          "providers.invalid_input",
          `a ${currency} supplier needs its rate to IDR (for example 16250)`,
          { text: { key: "providers.rate_required", params: { currency } } },
        );
      // Switching to rupiah in this edit: the old rate (still in a form) no longer means anything.
      const switchingToIdr = value.currency === "IDR" && row.currency !== "IDR";
      if (switchingToIdr) value.rateToIdr = undefined;
      if (currency === "IDR" && value.rateToIdr && parseDecimal(value.rateToIdr)?.units !== 1n) {
        throw new AppError(
          "providers.invalid_input",
          "a rate to IDR only applies to a supplier priced in another currency: give its currency too (for example USD)",
          { text: { key: "providers.rate_without_currency" } },
        );
      }
      // Back to rupiah: the old conversion rate no longer applies.
      const rateToIdr = value.rateToIdr ?? (value.currency === "IDR" ? "1" : undefined);
      // Which credential fields changed is audited by name; their values never leave the secret box.
      const storedCredentials = credentials ? credentialsOf(row) : undefined;
      const credentialsChanged =
        credentials && storedCredentials
          ? (Object.keys(credentials) as Array<keyof ProviderCredentials>).filter(
              (k) => credentials[k] !== storedCredentials[k],
            )
          : [];
      const updated = await db.transaction().execute(async (trx) => {
        await updateProvider(trx, row.id, {
          ...(value.name !== undefined ? { name: value.name } : {}),
          ...(value.url !== undefined ? { api_url: value.url } : {}),
          ...(credentials ? { credentials: secretBox.seal(JSON.stringify(credentials), aad(row.id)) } : {}),
          ...(options ? { options: JSON.stringify(options) } : {}),
          ...(value.currency ? { currency: value.currency } : {}),
          ...(rateToIdr ? { rate_to_idr: rateToIdr } : {}),
          ...(value.active !== undefined ? { active: value.active ? 1 : 0 } : {}),
          // A new threshold is judged afresh at the next balance check.
          ...(value.lowBalanceThreshold !== undefined && value.lowBalanceThreshold !== row.low_balance_threshold
            ? { low_balance_threshold: value.lowBalanceThreshold, low_balance_alerted_at: null }
            : {}),
          updated_at: clock.now(),
        });
        let afterRow = (await findProviderById(trx, row.id))!;
        if (value.currency !== undefined || value.rateToIdr !== undefined) {
          // The new setting is checked against what the supplier last said, at once.
          const problem = problemAfter(afterRow, undefined, value.currency !== undefined);
          if (problem !== afterRow.currency_problem) {
            await updateProvider(trx, row.id, { currency_problem: problem });
            await alertCurrency(trx, afterRow, problem);
            afterRow = { ...afterRow, currency_problem: problem };
          }
        }
        const after = toSummary(afterRow);
        const [b, a] = [auditView(toSummary(row)), auditView(after)];
        const changed = changedKeys(b, a);
        if (changed.length > 0 || credentialsChanged.length > 0) {
          await audit.record(trx, {
            actor,
            action:
              value.active !== undefined &&
              changed.length === 1 &&
              changed[0] === "active" &&
              credentialsChanged.length === 0
                ? value.active
                  ? "provider.enable"
                  : "provider.disable"
                : "provider.edit",
            subject: `provider:${row.id}`,
            before: Object.fromEntries(changed.map((k) => [k, b[k]])),
            after: {
              ...Object.fromEntries(changed.map((k) => [k, a[k]])),
              ...(credentialsChanged.length > 0 ? { credentialsChanged } : {}),
            },
          });
        }
        return after;
      });
      adapters.delete(row.id);
      return updated;
    },

    /**
     * One credential in full, for an owner who asked to see it. The audit entry says who read which
     * field of which supplier, and nothing of the value. Callers check the permission.
     */
    async revealCredential(name: string, field: keyof ProviderCredentials, actor: string): Promise<string> {
      const row = await requireByName(name);
      const value = credentialsOf(row)[field];
      if (!value) throw new AppError("providers.not_found", `${row.name} has no ${field} set`);
      await audit.record(db, { actor, action: "provider.reveal", subject: `provider:${row.id}`, after: { field } });
      return value;
    },

    /**
     * Asks every active supplier for its balance at once, each bounded by `timeoutMs`, so one slow or
     * failing supplier shows as such without holding up or failing the others. Nothing is recorded:
     * this is a look, not a connection test.
     */
    async checkBalances(timeoutMs: number): Promise<BalanceCheck[]> {
      const rows = (await listProviders(db)).filter((row) => row.active === 1);
      return Promise.all(
        rows.map(async (row): Promise<BalanceCheck> => {
          const started = performance.now();
          const latency = () => Math.round(performance.now() - started);
          let timer: NodeJS.Timeout | undefined;
          try {
            const timeout = new Promise<never>((_, reject) => {
              timer = setTimeout(
                () => reject(new Error(`no answer within ${Math.round(timeoutMs / 100) / 10} s`)),
                timeoutMs,
              );
            });
            const balance = await Promise.race([adapterForRow(row).balance(), timeout]);
            return { id: row.id, name: row.name, ok: true, balance, latencyMs: latency(), message: "ok" };
          } catch (error) {
            return {
              id: row.id,
              name: row.name,
              ok: false,
              balance: null,
              latencyMs: latency(),
              message: errorMessage(error),
            };
          } finally {
            clearTimeout(timer);
          }
        }),
      );
    },

    /** A live bot never sells through the local simulators, even when it shares the sandbox's database. */
    async disableSandboxProviders(): Promise<number> {
      return deactivateSandboxProviders(db, clock.now());
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

    /** Which credential fields are stored (never their values), for masked display. */
    async credentialFieldsSet(name: string): Promise<Array<keyof ProviderCredentials>> {
      const credentials = credentialsOf(await requireByName(name));
      return (Object.keys(credentials) as Array<keyof ProviderCredentials>).filter((k) => Boolean(credentials[k]));
    },

    /** The webhook secret of a supplier, for verifying its callbacks (never shown anywhere). */
    async webhookSecretOf(providerId: number): Promise<string | undefined> {
      const row = await findProviderById(db, providerId);
      return row ? credentialsOf(row).webhookSecret : undefined;
    },

    /** The adapter with decrypted credentials; cached until the supplier row changes. */
    async adapterFor(providerId: number): Promise<ProviderAdapter> {
      const row = await findProviderById(db, providerId);
      if (!row) throw new AppError("providers.not_found", `no supplier with id ${providerId}`);
      return adapterForRow(row);
    },

    /**
     * Before an import or re-sync: asks the supplier what it prices in and compares it with the
     * configuration. Throws AppError "providers.currency" (with the exact fix) when that holds it
     * off sale, and ProviderCallError when the supplier cannot be asked; nothing is imported then.
     */
    async verifyCurrency(providerId: number): Promise<ProviderSummary> {
      const row = await findProviderById(db, providerId);
      if (!row) throw new AppError("providers.not_found", `no supplier with id ${providerId}`);
      const reported = await askCurrency(row.kind as ProviderKind, adapterForRow(row));
      const current = await adoptIfUnverified(row, reported);
      const checked = await recordCurrency(
        current,
        reported ?? row.reported_currency,
        problemAfter(current, reported),
        reported !== undefined,
      );
      if (checked.currency_problem && checked.currency_problem !== "needs_import") {
        throw new AppError(
          "providers.currency",
          currencyProblemText(row.name, checked.currency_problem, stateOf(checked)),
        );
      }
      return toSummary(checked);
    },

    /** After an import priced the supplier's list under a verified currency: its services are sold again. */
    async markPriced(providerId: number): Promise<void> {
      const row = await findProviderById(db, providerId);
      if (row?.currency_problem === "needs_import") await recordCurrency(row, row.reported_currency, null, false);
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
      if (result.balance) {
        const reported = reportedCurrency(row.kind as ProviderKind, result.balance.currency);
        const current = await adoptIfUnverified(row, reported);
        const checked = await recordCurrency(
          current,
          reported ?? row.reported_currency,
          problemAfter(current, reported),
          reported !== undefined,
        );
        if (checked.currency_problem)
          result.currencyProblem = currencyProblemText(row.name, checked.currency_problem, stateOf(checked));
      }
      await updateProvider(db, row.id, {
        last_test_at: clock.now(),
        last_test_ok: result.ok ? 1 : 0,
        last_test_message: maskSupplierText(result.message, secretsOf(credentialsOf(row))),
        last_test_latency_ms: result.latencyMs,
        last_balance: result.balance ? `${result.balance.balance} ${result.balance.currency}`.trim() : row.last_balance,
      });
      return result;
    },
  };
}

export type ProvidersService = ReturnType<typeof createProvidersService>;

function parseOptions(text: string): ProviderOptions {
  try {
    return JSON.parse(text) as ProviderOptions;
  } catch {
    return {};
  }
}

function toSummary(row: ProviderRow): ProviderSummary {
  const problem = row.currency_problem;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ProviderKind,
    apiUrl: maskUrl(row.api_url),
    currency: row.currency,
    rateToIdr: row.rate_to_idr,
    currencyCheck: {
      problem,
      reported: row.reported_currency,
      checkedAt: row.currency_checked_at,
      message: problem
        ? currencyProblemText(row.name, problem, {
            configured: row.currency,
            rateToIdr: row.rate_to_idr,
            reported: row.reported_currency,
          })
        : null,
    },
    options: parseOptions(row.options),
    active: row.active === 1,
    isSandbox: row.is_sandbox === 1,
    lowBalanceThreshold: row.low_balance_threshold,
    lastTest:
      row.last_test_at === null
        ? null
        : {
            at: row.last_test_at,
            ok: row.last_test_ok === 1,
            message: row.last_test_message ?? "",
            latencyMs: row.last_test_latency_ms,
            balance: row.last_balance,
          },
  };
}
