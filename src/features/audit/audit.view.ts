import type { AuditLogRow } from "./audit.table.js";

/**
 * The audit log as people read it: each entry's before and after flattened into field-by-field
 * changes, with every secret taken out first. Services write what they think is useful, and a
 * supplier's or gateway's key may one day slip into an entry, so redaction happens here, on the way
 * out, for every role: no screen ever shows a secret from the log.
 */
export interface AuditChange {
  /** Dotted path inside the recorded object ("status", "credentials.key"). */
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
  /** The value was a secret and is not shown. */
  hidden: boolean;
}

export interface AuditEntryView {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  reason: string | null;
  changes: AuditChange[];
}

/** A secret taken out; it keeps the original only to tell "changed" from "unchanged", never shown. */
class Hidden {
  constructor(readonly fingerprint: string) {}
}
const hide = (value: unknown) => new Hidden(JSON.stringify(value) ?? "");
type Clean = string | number | boolean | null | Hidden | Clean[] | { [key: string]: Clean };

/** Words that make a field name a secret ("serverKey", "api_key", "credentials", "botToken"). */
const SECRET_WORDS = new Set([
  "secret",
  "secrets",
  "token",
  "tokens",
  "password",
  "passwords",
  "passwd",
  "passphrase",
  "apikey",
  "credential",
  "credentials",
  "signature",
  "authorization",
  "pin",
  "otp",
  "cookie",
  "key",
  "keys",
  "sealed",
  "hash",
]);
/** A field literally named "key" also names things ("key": "pricing.round_step"): a dotted name is not a secret. */
const SETTING_NAME = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
/** SecretBox envelopes ("v1:<iv>:<tag>:<ciphertext>") are hidden wherever they appear. */
const SEALED = /^v\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/;
/** Fields holding the value of a named thing ({ key: "midtrans.server_key", value: … }). */
const VALUE_FIELDS = new Set(["value", "before", "after", "old", "new", "previous", "next"]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const parts = words(name);
  // "credentialFields", "secretNames": which fields were involved, listed by name, not their values.
  if (parts.length > 1 && (parts.at(-1) === "fields" || parts.at(-1) === "names")) return false;
  return parts.some((w) => SECRET_WORDS.has(w)) || parts.join("").includes("apikey");
}

function isSecretField(name: string, value: unknown): boolean {
  if (name === "key" && typeof value === "string" && SETTING_NAME.test(value)) return false;
  return isSecretName(name);
}

/** A copy of a recorded value with every secret replaced. */
function redact(value: unknown): Clean {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return SEALED.test(value) ? hide(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    // { key: "midtrans.server_key", value: "SB-Mid-server-…" }: the value is the secret.
    // Identifiers only: a product called "Token PLN 20rb" is not a secret.
    const named = ["key", "name", "setting", "field"].some(
      (k) => typeof record[k] === "string" && !/\s/.test(record[k] as string) && isSecretName(record[k] as string),
    );
    const out: { [key: string]: Clean } = {};
    for (const [k, v] of Object.entries(record))
      out[k] = isSecretField(k, v) || (named && VALUE_FIELDS.has(k)) ? hide(v) : redact(v);
    return out;
  }
  return String(value);
}

function flatten(value: Clean, prefix: string, into: Map<string, Clean>): void {
  if (value !== null && !(value instanceof Hidden) && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) into.set(prefix, null);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, into);
    return;
  }
  into.set(prefix || "value", value);
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const shown = (value: Clean | undefined): unknown =>
  value === undefined || value instanceof Hidden
    ? null
    : Array.isArray(value)
      ? JSON.stringify(value, (_k, v: unknown) => (v instanceof Hidden ? "•••" : v))
      : value;
/** Compares with the secrets' fingerprints, so "changed" is right even where the values are not shown. */
const same = (x: Clean | undefined, y: Clean | undefined): boolean => {
  const key = (v: Clean | undefined) =>
    JSON.stringify(v ?? null, (_k, inner: unknown) =>
      inner instanceof Hidden ? { hidden: inner.fingerprint } : inner,
    );
  return key(x) === key(y);
};

/** Before and after side by side, field by field, secrets hidden. */
export function auditChanges(before: string | null, after: string | null): AuditChange[] {
  const b = new Map<string, Clean>();
  const a = new Map<string, Clean>();
  flatten(redact(parse(before)), "", b);
  flatten(redact(parse(after)), "", a);
  if (b.size === 1 && b.has("value") && b.get("value") === null) b.clear();
  if (a.size === 1 && a.has("value") && a.get("value") === null) a.clear();
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields.map((field) => {
    const hidden = b.get(field) instanceof Hidden || a.get(field) instanceof Hidden;
    return {
      field,
      before: shown(b.get(field)),
      after: shown(a.get(field)),
      changed: !same(b.get(field), a.get(field)),
      hidden,
    };
  });
}

export function toAuditView(row: AuditLogRow): AuditEntryView {
  return {
    id: row.id,
    at: row.created_at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    reason: row.reason,
    changes: auditChanges(row.before, row.after),
  };
}
