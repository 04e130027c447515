import { createHash } from "node:crypto";
import { stripInvisible } from "../../shared/invisible-chars.js";
import { ProviderCallError, type ProviderAdapter, type ProviderCredentials } from "./provider.types.js";

/**
 * What a supplier sends back is data, never trusted text: a panel may echo the key it was sent, put
 * a signed URL in an error, or pad a message with control characters. Every string that leaves an
 * adapter goes through `maskSupplierText` before anything stores, logs or shows it.
 */

const MASK = "••••••••";
/** Query parameters that carry credentials on the panels we know, and in general. */
const SECRET_PARAMS =
  /^(?:key|api_?key|apikey|api_?id|secret(?:_?key)?|token|access_?token|sign(?:ature)?|pass(?:word)?|pwd|auth)$/i;
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi;
/** Longest supplier message kept: enough to read, too short to carry a page of HTML. */
const MAX_LENGTH = 500;

/** Every value that must never be shown: the credentials and the signatures derived from them. */
export function secretsOf(credentials: ProviderCredentials): string[] {
  const values = Object.values(credentials).filter((v): v is string => typeof v === "string" && v.length >= 4);
  const md5 = (text: string) => createHash("md5").update(text).digest("hex");
  // VIP Reseller signs with md5(apiId + apiKey); Digiflazz with md5(username + key + "depo"/"pricelist").
  if (credentials.apiId && credentials.apiKey) values.push(md5(credentials.apiId + credentials.apiKey));
  if (credentials.username && credentials.apiKey)
    values.push(
      md5(`${credentials.username}${credentials.apiKey}depo`),
      md5(`${credentials.username}${credentials.apiKey}pricelist`),
    );
  // Longest first, so a key that contains another is masked whole.
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

/** A URL with its user:password and credential-like query values masked (and the rest kept). */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  let changed = false;
  if (url.username || url.password) {
    url.username = "";
    url.password = "";
    changed = true;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) {
      url.searchParams.set(name, "***");
      changed = true;
    }
  }
  return changed ? url.toString().replace(/=\*\*\*/g, `=${MASK}`) : text;
}

/** The supplier's text, safe to store, log and show: secrets and URL credentials masked, invisible characters gone, length bounded. */
export function maskSupplierText(text: string, secrets: readonly string[] = [], maxLength = MAX_LENGTH): string {
  let safe = stripInvisible(text);
  for (const secret of secrets) if (safe.includes(secret)) safe = safe.split(secret).join(MASK);
  safe = safe.replace(URL_PATTERN, (url) => maskUrl(url));
  return safe.length > maxLength ? `${safe.slice(0, maxLength)}…` : safe;
}

/**
 * Longest string kept inside an answer: service descriptions run to a few thousand characters and
 * are kept whole; a page of HTML in a status field is not.
 */
const MAX_FIELD_LENGTH = 20_000;

/**
 * Why a supplier URL is refused: credentials belong in the key fields (stored sealed), never in an
 * address that is shown, logged and audited. Undefined when the URL is fine.
 */
export function urlCredentialProblem(text: string, credentials: ProviderCredentials): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const fix = `give the address alone (for example ${url.protocol}//${url.host}${url.pathname}) and the key with --key (or in the key fields of the admin app)`;
  if (url.username || url.password)
    return `the supplier URL must not hold a user name or password (user:pass@…): ${fix}`;
  const values = Object.values(credentials).filter((v): v is string => typeof v === "string" && v.length > 0);
  for (const [name, value] of url.searchParams) {
    if (
      SECRET_PARAMS.test(name) ||
      values.some((secret) => value.includes(secret) || decodeURIComponent(value).includes(secret))
    ) {
      return `the supplier URL must not hold a key (?${name}=…): ${fix}`;
    }
  }
  return undefined;
}

/** Fields that carry the supplier's own words about an outcome: kept short, like error messages. */
const MESSAGE_FIELDS = new Set(["message", "reason", "note"]);

/** Every string inside a value (results of any shape), masked; other values kept as they are. */
function maskDeep<T>(value: T, secrets: readonly string[], maxLength = MAX_FIELD_LENGTH): T {
  if (typeof value === "string") return maskSupplierText(value, secrets, maxLength) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, secrets)) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, maskDeep(v, secrets)])) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        maskDeep(v, secrets, MESSAGE_FIELDS.has(k) ? MAX_LENGTH : MAX_FIELD_LENGTH),
      ]),
    ) as T;
  }
  return value;
}

function maskError(error: unknown, secrets: readonly string[]): unknown {
  if (error instanceof ProviderCallError)
    return new ProviderCallError(error.reason, maskSupplierText(error.message, secrets), error.errorClass);
  if (error instanceof Error) {
    const masked = new Error(maskSupplierText(error.message, secrets));
    masked.name = error.name;
    return masked;
  }
  return new Error(maskSupplierText(String(error), secrets));
}

/**
 * The adapter with every string it returns or throws masked: error messages, rejection reasons,
 * notes, status texts. A proxy, so methods added to the adapters later are covered too.
 */
export function withMaskedText(adapter: ProviderAdapter, credentials: ProviderCredentials): ProviderAdapter {
  const secrets = secretsOf(credentials);
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw maskError(error, secrets);
        }
        if (result instanceof Promise) {
          return result.then(
            (answer) => maskDeep(answer, secrets),
            (error: unknown) => {
              throw maskError(error, secrets);
            },
          );
        }
        return maskDeep(result, secrets);
      };
    },
  });
}
