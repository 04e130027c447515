import midtransClient from "midtrans-client";

/**
 * The Midtrans Core API through its official client, reduced to the four calls the product makes.
 * The client hard-codes its base URLs; `apiUrl` replaces them so the same code can talk to the
 * sandbox simulator or any stand-in (MIDTRANS_API_URL).
 */
export interface MidtransCoreApi {
  charge(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  status(orderId: string): Promise<Record<string, unknown>>;
  cancel(orderId: string): Promise<Record<string, unknown>>;
  expire(orderId: string): Promise<Record<string, unknown>>;
}

/** A call that failed. `httpStatus` is the HTTP or body `status_code`; absent when no answer came. */
export class MidtransCallError extends Error {
  override readonly name = "MidtransCallError";
  constructor(
    message: string,
    readonly httpStatus: number | undefined,
    readonly response: Record<string, unknown> | undefined,
  ) {
    super(message);
  }
}

export interface MidtransCoreApiOptions {
  serverKey: string;
  clientKey?: string | undefined;
  isProduction: boolean;
  apiUrl: string;
  timeoutMs: number;
  /** Sent as X-Override-Notification so Midtrans notifies this URL, whatever the dashboard says. */
  notificationUrl?: string | undefined;
}

interface RawCoreApi {
  apiConfig: { getCoreApiBaseUrl: () => string };
  httpClient: { http_client: { defaults: { timeout: number; headers: { common: Record<string, string> } } } };
  charge(body: unknown): Promise<Record<string, unknown>>;
  transaction: {
    status(id: string): Promise<Record<string, unknown>>;
    cancel(id: string): Promise<Record<string, unknown>>;
    expire(id: string): Promise<Record<string, unknown>>;
  };
}

export function createMidtransCoreApi(options: MidtransCoreApiOptions): MidtransCoreApi {
  const core = new midtransClient.CoreApi({
    isProduction: options.isProduction,
    serverKey: options.serverKey,
    clientKey: options.clientKey ?? "",
  }) as unknown as RawCoreApi;
  core.apiConfig.getCoreApiBaseUrl = () => options.apiUrl;
  core.httpClient.http_client.defaults.timeout = options.timeoutMs;
  if (options.notificationUrl) core.httpClient.http_client.defaults.headers.common["X-Override-Notification"] = options.notificationUrl;

  const call = async (run: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> => {
    try {
      return await run();
    } catch (error) {
      throw toCallError(error);
    }
  };
  return {
    charge: (body) => call(() => core.charge(body)),
    status: (orderId) => call(() => core.transaction.status(encodeURIComponent(orderId))),
    cancel: (orderId) => call(() => core.transaction.cancel(encodeURIComponent(orderId))),
    expire: (orderId) => call(() => core.transaction.expire(encodeURIComponent(orderId))),
  };
}

/** The SDK's errors carry the axios request (with the Basic auth header): keep only what is safe. */
function toCallError(error: unknown): MidtransCallError {
  const e = error as { httpStatusCode?: unknown; ApiResponse?: unknown; message?: unknown };
  const status = e.httpStatusCode === null || e.httpStatusCode === undefined ? undefined : Number(e.httpStatusCode);
  const response = e.ApiResponse && typeof e.ApiResponse === "object" ? (e.ApiResponse as Record<string, unknown>) : undefined;
  const statusMessage = typeof response?.status_message === "string" ? response.status_message : undefined;
  const message = statusMessage ?? (status === undefined ? "no answer from Midtrans (timeout or connection failure)" : `Midtrans answered ${status}`);
  return new MidtransCallError(message, Number.isFinite(status) ? status : undefined, response);
}
