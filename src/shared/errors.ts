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
  | "payments.gateway_unavailable"
  | "payments.gateway_rejected"
  | "payments.invalid_keys"
  | "payments.keys_in_use"
  | "settings.invalid_input"
  | "notifications.invalid_input"
  | "notifications.not_found"
  | "admin.unauthorized"
  | "admin.forbidden"
  | "admin.invalid_input"
  | "admin.not_found"
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

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { httpStatus?: number; cause?: unknown; text?: MessageKey } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

/** A zod custom issue's `params` carry the MessageKey of its message (see AppError). */
export function issueText(issue: { params?: Record<string, unknown> } | undefined): MessageKey | undefined {
  const params = issue?.params;
  return params && typeof params.key === "string" ? { key: params.key, params: (params.values ?? {}) as Record<string, string | number> } : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
