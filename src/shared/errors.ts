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

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { httpStatus?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
