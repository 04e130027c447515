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
  | "catalog.unknown_mid"
  | "catalog.invalid_price"
  | "catalog.below_cost"
  | "catalog.not_listed"
  | "catalog.unknown_backup"
  | "catalog.invalid_backup"
  | "orders.not_found"
  | "orders.invalid_state"
  | "orders.invalid_input"
  | "wallet.invalid_input"
  | "wallet.insufficient_balance"
  | "payments.signature_invalid"
  | "payments.bad_request"
  | "payments.gateway_unavailable"
  | "payments.gateway_rejected"
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
