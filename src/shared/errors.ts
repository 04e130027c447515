/** One error vocabulary for the whole product. Codes are grouped by feature. */
export type ErrorCode =
  | "config.invalid"
  | "crypto.key_missing"
  | "crypto.decrypt_failed"
  | "providers.not_found"
  | "providers.duplicate_name"
  | "providers.invalid_input"
  | "providers.unsupported_kind"
  | "providers.unavailable"
  | "providers.bad_response"
  | "providers.rejected"
  /** A supplier held off sale because of its currency (mismatch, no rate, not verified). */
  | "providers.currency"
  | "catalog.unknown_mid"
  | "catalog.invalid_price"
  | "catalog.below_cost"
  | "catalog.not_listed"
  | "catalog.unknown_backup"
  | "catalog.invalid_backup"
  | "catalog.invalid_input"
  | "catalog.import_running"
  | "orders.not_found"
  | "orders.invalid_state"
  | "orders.invalid_input"
  | "wallet.invalid_input"
  | "wallet.insufficient_balance"
  | "payments.signature_invalid"
  | "payments.bad_request"
  /** A notification arrived while no gateway key is set (the gateway retries; the reconciler catches up). */
  | "payments.not_configured"
  | "payments.gateway_unavailable"
  | "payments.gateway_rejected"
  | "payments.invalid_keys"
  | "payments.keys_in_use"
  | "settings.invalid_input"
  | "notifications.invalid_input"
  | "notifications.not_found"
  /** The broadcast is past the point the request needs (no longer sending). */
  | "notifications.invalid_state"
  | "fulfilment.signature_invalid"
  | "admin.unauthorized"
  | "admin.forbidden"
  | "admin.invalid_input"
  | "admin.not_found"
  /** The request clashes with what is there now (already on the staff, a hand-off that has ended). */
  | "admin.conflict"
  | "knowledge.invalid_input"
  | "knowledge.not_found"
  | "internal";

/**
 * What a message says, as data: a key the admin app's texts know (`error.<key>` in
 * miniapp/src/i18n) and the values it fills in, so a refusal reads in the admin's language. The
 * English `message` stays for logs, the CLI and as the app's last resort.
 */
export interface MessageKey {
  key: string;
  params?: Record<string, string | number>;
}

/** What every refusal answers over HTTP: the server's onError writes it, the admin app reads it. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; key?: string; params?: Record<string, string | number> };
}

/**
 * The HTTP status of every code, the only place one is chosen: the server's error handler answers a
 * thrown AppError with it. Keyed by the whole union, so a new code without a status does not
 * compile. A 500 reveals nothing (the answer says "internal error" and the error is logged); any
 * other status answers with the error's own message, written for people.
 */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  "config.invalid": 500,
  "crypto.key_missing": 500,
  "crypto.decrypt_failed": 500,
  "providers.not_found": 404,
  "providers.duplicate_name": 409,
  "providers.invalid_input": 400,
  "providers.unsupported_kind": 400,
  "providers.unavailable": 502,
  "providers.bad_response": 502,
  "providers.rejected": 502,
  "providers.currency": 409,
  "catalog.unknown_mid": 404,
  "catalog.invalid_price": 400,
  "catalog.below_cost": 400,
  "catalog.not_listed": 409,
  "catalog.unknown_backup": 400,
  "catalog.invalid_backup": 400,
  "catalog.invalid_input": 400,
  "catalog.import_running": 409,
  "orders.not_found": 404,
  "orders.invalid_state": 409,
  "orders.invalid_input": 400,
  "wallet.invalid_input": 400,
  "wallet.insufficient_balance": 409,
  "payments.signature_invalid": 401,
  "payments.bad_request": 400,
  "payments.not_configured": 503,
  "payments.gateway_unavailable": 502,
  "payments.gateway_rejected": 502,
  "payments.invalid_keys": 400,
  "payments.keys_in_use": 409,
  "settings.invalid_input": 400,
  "notifications.invalid_input": 400,
  "notifications.not_found": 404,
  "notifications.invalid_state": 409,
  "fulfilment.signature_invalid": 401,
  "admin.unauthorized": 401,
  "admin.forbidden": 403,
  "admin.invalid_input": 400,
  "admin.not_found": 404,
  "admin.conflict": 409,
  "knowledge.invalid_input": 400,
  "knowledge.not_found": 404,
  internal: 500,
};

/**
 * What every feature throws for an expected refusal or a failure with a name. The code says what
 * kind it is (and so its HTTP status, see ERROR_HTTP_STATUS); the message is English for people,
 * logs and the CLI; `text` lets the admin app say it in the admin's language.
 */
export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { cause?: unknown; text?: MessageKey } = {},
  ) {
    super(message, { cause: details.cause });
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

/** A zod custom issue's `params` carry the MessageKey of its message (see AppError). */
export function issueText(issue: { params?: Record<string, unknown> } | undefined): MessageKey | undefined {
  const params = issue?.params;
  return params && typeof params.key === "string"
    ? { key: params.key, params: (params.values ?? {}) as Record<string, string | number> }
    : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
