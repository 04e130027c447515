import type { Clock } from "../../infra/clock/clock.js";
import type { SecretBox } from "../../infra/crypto/secret-box.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import {
  countOpenInvoices,
  deleteGatewaySettings,
  readGatewaySettings,
  replaceGatewaySettings,
} from "./gateway-settings.repository.js";
import type { GatewaySettingRow } from "./gateway-settings.table.js";
import type { GatewaySettingsDescriptor, GatewaySettingValues } from "./payment-gateway.types.js";

/** A gateway's settings now: saved in the admin app, or from the environment. */
export interface ActiveGatewaySettings {
  source: "app" | "env";
  values: GatewaySettingValues;
}

export interface GatewayTestRecord {
  at: number;
  ok: boolean;
  outcome: string;
  latencyMs: number;
  message: string;
}

export interface GatewaySettingsView {
  gateway: string;
  label: string;
  /** app: saved in the admin app; env: the environment (or the sandbox); none: the gateway is off. */
  source: "app" | "env" | "none";
  /** Every field of the descriptor; secret ones carry only whether they are set, masked. */
  fields: Array<{
    name: string;
    label: string;
    secret: boolean;
    required: boolean;
    options: readonly string[] | null;
    value: string | null;
    set: boolean;
    masked: string | null;
  }>;
  /** The secret fields alone. */
  keys: Array<{ field: string; set: boolean; masked: string | null }>;
  updatedAt: number | null;
  updatedBy: string | null;
  /** QR invoices still open: while there are some, the settings cannot move to another account. */
  openInvoices: number;
  lastTest: GatewayTestRecord | null;
  [fact: string]: unknown;
}

const MASK = "••••••••";
const invalid = (message: string) => new AppError("payments.invalid_keys", message);
/** The associated data binds each sealed value to its gateway and field, in the form keys were first sealed in (`gateway_keys:<gateway>:<snake_case field>`). */
const aad = (gateway: string, field: string) =>
  `gateway_keys:${gateway}:${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/**
 * Every payment gateway's settings, built from its descriptor: saved in the admin app as rows
 * (secret ones sealed), winning over the environment's bootstrap; masked in every answer; read back
 * in full only by `reveal` (audited without the value); tested with the descriptor's harmless call;
 * never moved to another account under open invoices. The resolved settings are cached per gateway
 * and dropped on a change, and listeners hear of it, so an adapter follows at once.
 */
export function createGatewaySettings(deps: {
  db: Db;
  clock: Clock;
  secretBox: SecretBox;
  audit: AuditService;
  descriptors: readonly GatewaySettingsDescriptor[];
}) {
  const { db, clock, secretBox, audit } = deps;
  const byId = new Map(deps.descriptors.map((d) => [d.gateway, d]));
  const cached = new Map<string, Promise<ActiveGatewaySettings | undefined>>();
  const lastTests = new Map<string, GatewayTestRecord>();
  const listeners: Array<(gateway: string) => void> = [];

  const descriptor = (gateway: string): GatewaySettingsDescriptor => {
    const found = byId.get(gateway);
    if (!found) throw new AppError("admin.not_found", `no payment gateway ${gateway}`);
    return found;
  };

  const opened = (gateway: string, rows: GatewaySettingRow[]): GatewaySettingValues =>
    Object.fromEntries(rows.map((r) => [r.field, r.secret ? secretBox.open(r.value, aad(gateway, r.field)) : r.value]));

  const current = (gateway: string): Promise<ActiveGatewaySettings | undefined> => {
    const d = descriptor(gateway);
    let loading = cached.get(gateway);
    if (!loading) {
      const started = readGatewaySettings(db, gateway).then((rows): ActiveGatewaySettings | undefined =>
        rows.length > 0
          ? { source: "app", values: opened(gateway, rows) }
          : d.bootstrap
            ? { source: "env", values: d.bootstrap }
            : undefined,
      );
      loading = started;
      cached.set(gateway, started);
      // A failed read (database busy, wrong MASTER_KEY) is not remembered: the next call tries again.
      started.catch(() => {
        if (cached.get(gateway) === started) cached.delete(gateway);
      });
    }
    return loading;
  };

  const changed = (gateway: string) => {
    cached.delete(gateway);
    lastTests.delete(gateway);
    for (const listener of listeners) listener(gateway);
  };

  const plainValues = (d: GatewaySettingsDescriptor, values: GatewaySettingValues | undefined) =>
    Object.fromEntries(d.fields.filter((f) => !f.secret).map((f) => [f.name, values?.[f.name] ?? null]));
  const describeState = (d: GatewaySettingsDescriptor, active: ActiveGatewaySettings | undefined) => ({
    source: active?.source ?? "none",
    ...plainValues(d, active?.values),
  });

  /**
   * Open invoices were charged under the current account: their status checks and their
   * notifications' signatures need its keys. Moving the settings to another account under them
   * could leave a paid invoice unconfirmed, so it waits until they are paid or expired.
   */
  const refuseWhileOpen = async (
    executor: Db,
    d: GatewaySettingsDescriptor,
    next: GatewaySettingValues | undefined,
    active: GatewaySettingValues | undefined,
  ) => {
    const same = next && active && d.sameAccount(next, active);
    if (same || (!next && !active)) return;
    const open = await countOpenInvoices(executor, d.gateway);
    if (open > 0) {
      throw new AppError(
        "payments.keys_in_use",
        `${open} QRIS invoice(s) are still open under the current key; they need it to be confirmed. Turn QRIS off in the payment rails, wait until they are paid or expire (payments.invoice_expiry_minutes), then change the keys`,
      );
    }
  };

  return {
    /** The settings in force for a gateway now; undefined when it is not configured. */
    current,

    /** Told after a gateway's settings were saved or cleared. */
    onChange(listener: (gateway: string) => void): void {
      listeners.push(listener);
    },

    async view(gateway: string): Promise<GatewaySettingsView> {
      const d = descriptor(gateway);
      const [active, rows, open] = await Promise.all([
        current(gateway),
        readGatewaySettings(db, gateway),
        countOpenInvoices(db, gateway),
      ]);
      const latest = rows.reduce<GatewaySettingRow | undefined>(
        (a, r) => (!a || r.updated_at > a.updated_at ? r : a),
        undefined,
      );
      const fields = d.fields.map((f) => {
        const value = active?.values[f.name];
        return {
          name: f.name,
          label: f.label,
          secret: f.secret,
          required: f.required,
          options: f.options ?? null,
          value: f.secret ? null : (value ?? null),
          set: value !== undefined,
          masked: f.secret && value !== undefined ? MASK : null,
        };
      });
      return {
        ...d.describe?.(active?.values),
        gateway,
        label: d.label,
        source: active?.source ?? "none",
        fields,
        keys: fields.filter((f) => f.secret).map((f) => ({ field: f.name, set: f.set, masked: f.masked })),
        updatedAt: latest?.updated_at ?? null,
        updatedBy: latest?.updated_by ?? null,
        openInvoices: open,
        lastTest: lastTests.get(gateway) ?? null,
      };
    },

    /**
     * Saves settings typed in the app: secret ones sealed, a secret left out keeps the one stored,
     * checked by the descriptor first. Audited with the plain fields and which secrets changed.
     */
    async save(gateway: string, input: unknown, actor: string): Promise<void> {
      const d = descriptor(gateway);
      const parsed = d.parse(input);
      if (!parsed.ok)
        throw invalid(parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "));
      const typed = Object.fromEntries(
        Object.entries(parsed.values).filter(
          (e): e is [string, string] => e[1] !== undefined && d.fields.some((f) => f.name === e[0]),
        ),
      );
      const rows = await readGatewaySettings(db, gateway);
      const stored = rows.length > 0 ? opened(gateway, rows) : undefined;
      d.check?.(typed, stored);
      const next = { ...stored, ...typed };
      const missing = d.fields.find((f) => f.required && next[f.name] === undefined);
      if (missing) throw invalid(`enter the ${missing.label}`);
      const active = await current(gateway);
      const storedRow = new Map(rows.map((r) => [r.field, r]));
      const changedFields = d.fields.filter((f) => f.secret && typed[f.name] !== undefined).map((f) => f.name);
      await db.transaction().execute(async (trx) => {
        await refuseWhileOpen(trx, d, next, active?.values);
        const values = d.fields.flatMap((f) => {
          if (typed[f.name] !== undefined)
            return [
              {
                field: f.name,
                secret: f.secret,
                value: f.secret ? secretBox.seal(typed[f.name]!, aad(gateway, f.name)) : typed[f.name]!,
              },
            ];
          const kept = storedRow.get(f.name);
          return kept ? [{ field: f.name, secret: f.secret, value: kept.value }] : [];
        });
        await replaceGatewaySettings(trx, gateway, values, actor, clock.now());
        await audit.record(trx, {
          actor,
          action: `payments.${gateway}_keys`,
          subject: `gateway:${gateway}`,
          before: describeState(d, active),
          after: { source: "app", ...plainValues(d, next), changedFields },
        });
      });
      changed(gateway);
    },

    /** Forgets what the app saved: the environment's settings apply again (or the gateway is off). */
    async clear(gateway: string, actor: string): Promise<void> {
      const d = descriptor(gateway);
      const active = await current(gateway);
      const removed = await db.transaction().execute(async (trx) => {
        await refuseWhileOpen(trx, d, d.bootstrap, active?.values);
        if (!(await deleteGatewaySettings(trx, gateway))) return false;
        await audit.record(trx, {
          actor,
          action: `payments.${gateway}_keys_cleared`,
          subject: `gateway:${gateway}`,
          before: describeState(d, active),
          after: { source: d.bootstrap ? "env" : "none" },
        });
        return true;
      });
      if (!removed) throw new AppError("admin.not_found", `no ${d.label} keys are set in the app`);
      changed(gateway);
    },

    /** One secret in full, for an owner; the read is audited (which field, never the value). */
    async reveal(gateway: string, field: string, actor: string): Promise<string> {
      const d = descriptor(gateway);
      const f = d.fields.find((x) => x.secret && x.name === field);
      if (!f) throw new AppError("admin.invalid_input", `unknown key field ${field}`);
      const active = await current(gateway);
      const value = active?.values[field];
      if (!value) throw new AppError("admin.not_found", `no ${d.label} ${f.label} is set`);
      await audit.record(db, {
        actor,
        action: `payments.${gateway}_reveal`,
        subject: `gateway:${gateway}`,
        after: { field, source: active.source },
      });
      return value;
    },

    /** The descriptor's harmless call on the settings in force, timed; shown until the settings change. */
    async test(gateway: string): Promise<GatewayTestRecord> {
      const d = descriptor(gateway);
      const active = await current(gateway);
      const at = clock.now();
      const started = performance.now();
      const first = d.fields.find((f) => f.secret && f.required);
      const result = active
        ? await d.test(active.values)
        : { ok: false, outcome: "not_configured", message: `no ${first?.label ?? "key"} is set` };
      const record = {
        at,
        ok: result.ok,
        outcome: result.outcome,
        latencyMs: Math.round(performance.now() - started),
        message: result.message,
      };
      lastTests.set(gateway, record);
      return record;
    },
  };
}

export type GatewaySettings = ReturnType<typeof createGatewaySettings>;
