import { AppError, type ErrorCode } from "../../shared/errors.js";

/**
 * Feature services throw AppErrors without an HTTP status (the CLI and the bot share them), and the
 * server answers those with a bare 500. Admin routes wrap service calls in `answering` so an
 * expected refusal reaches the app as a 4xx with the service's own message, which is written for
 * people. Codes not listed keep their behaviour (a 500 that reveals nothing); an error that already
 * carries a status keeps it.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
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
  "payments.bad_request": 400,
  "payments.gateway_unavailable": 502,
  "payments.gateway_rejected": 502,
  "payments.invalid_keys": 400,
  "payments.keys_in_use": 409,
  "settings.invalid_input": 400,
  "notifications.invalid_input": 400,
  "notifications.not_found": 404,
  "knowledge.invalid_input": 400,
  "knowledge.not_found": 404,
};

export function withHttpStatus(error: unknown): unknown {
  if (!(error instanceof AppError) || error.details.httpStatus) return error;
  const status = STATUS[error.code];
  return status ? new AppError(error.code, error.message, { ...error.details, httpStatus: status, cause: error }) : error;
}

/** Runs a service call; its expected AppErrors come out with their HTTP status. */
export async function answering<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw withHttpStatus(error);
  }
}
