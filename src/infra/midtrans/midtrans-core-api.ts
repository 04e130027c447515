import midtransClient from "midtrans-client";
import type { HttpClient } from "../http/http-client.js";

/**
 * The Midtrans Core API, reduced to the four calls the product makes. Charge, cancel and expire go
 * through the official client; the status check, which every notification and every reconciler
 * round makes, goes through our pooled HTTP client with the same rules (the SDK's axios stack cost
 * a sixth of the webhook's time). The client hard-codes its base URLs; `apiUrl` replaces them so
 * the same code can talk to the sandbox simulator or any stand-in (MIDTRANS_API_URL).
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
  http: HttpClient;
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
  if (options.notificationUrl)
    core.httpClient.http_client.defaults.headers.common["X-Override-Notification"] = options.notificationUrl;

  const call = async (run: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> => {
    try {
      return await run();
    } catch (error) {
      throw toCallError(error);
    }
  };
  const authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString("base64")}`;
  const status = async (orderId: string): Promise<Record<string, unknown>> => {
    const outcome = await options.http.send({
      method: "GET",
      url: `${options.apiUrl.replace(/\/+$/, "")}/v2/${encodeURIComponent(orderId)}/status`,
      headers: { authorization, "user-agent": "tokobot" },
      connectTimeoutMs: Math.min(5_000, options.timeoutMs),
      responseTimeoutMs: options.timeoutMs,
    });
    if (outcome.kind !== "response")
      throw new MidtransCallError("no answer from Midtrans (timeout or connection failure)", undefined, undefined);
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(outcome.body);
      body = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    if (outcome.status >= 400)
      throw new MidtransCallError(statusMessage(body) ?? `Midtrans answered ${outcome.status}`, outcome.status, body);
    if (!body) throw new MidtransCallError("Midtrans answered with something that is not JSON", 502, undefined);
    // Like the SDK: an error `status_code` in the body is an error; 407 is how an expired transaction is reported.
    const code = Number(body.status_code);
    if (Number.isFinite(code) && code >= 400 && code !== 407)
      throw new MidtransCallError(statusMessage(body) ?? `Midtrans answered ${code}`, code, body);
    return body;
  };

  return {
    charge: (body) => call(() => core.charge(body)),
    status,
    cancel: (orderId) => call(() => core.transaction.cancel(encodeURIComponent(orderId))),
    expire: (orderId) => call(() => core.transaction.expire(encodeURIComponent(orderId))),
  };
}

/** The SDK's errors carry the axios request (with the Basic auth header): keep only what is safe. */
function toCallError(error: unknown): MidtransCallError {
  const e = error as { httpStatusCode?: unknown; ApiResponse?: unknown; message?: unknown };
  const status = e.httpStatusCode === null || e.httpStatusCode === undefined ? undefined : Number(e.httpStatusCode);
  const response =
    e.ApiResponse && typeof e.ApiResponse === "object" ? (e.ApiResponse as Record<string, unknown>) : undefined;
  const message =
    statusMessage(response) ??
    (status === undefined ? "no answer from Midtrans (timeout or connection failure)" : `Midtrans answered ${status}`);
  return new MidtransCallError(message, Number.isFinite(status) ? status : undefined, response);
}

function statusMessage(body: Record<string, unknown> | undefined): string | undefined {
  return typeof body?.status_message === "string" ? body.status_message : undefined;
}
