import type { ErrorBody } from "../../src/features/admin/contracts/common.contract";
import { rawInitData } from "./telegram";

/** An answer from the admin API that is not a success, with the server's own message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the message says as a text key (`error.<key>`) and its values, when the server gives one. */
    readonly text?: { key: string; params: Record<string, string | number> },
  ) {
    super(message);
  }
}

/**
 * The admin API client: every request signs in with the Telegram initData (`Authorization: tma …`),
 * sends and receives JSON, and turns error answers into ApiError with the server's message key and
 * values (the screens say it in the admin's language; the English message is the last resort).
 */
export async function api<T>(
  path: string,
  options: {
    method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    body?: unknown;
    query?: Record<string, string | number | boolean | undefined>;
  } = {},
): Promise<T> {
  const url = new URL(
    `${import.meta.env.BASE_URL.replace(/\/miniapp\/?$/, "")}/api/admin${path}`,
    window.location.origin,
  );
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
  const response = await fetch(url, {
    method: options.method ?? "GET",
    headers: {
      authorization: `tma ${rawInitData()}`,
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    // A proxy or a crash may answer something else: every field is read as possibly missing.
    const error = (data as Partial<ErrorBody> | undefined)?.error as Partial<ErrorBody["error"]> | undefined;
    throw new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `HTTP ${response.status}`,
      error?.key ? { key: error.key, params: error.params ?? {} } : undefined,
    );
  }
  return data as T;
}
