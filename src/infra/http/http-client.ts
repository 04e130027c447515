import { Agent, request } from "undici";

/**
 * Outbound HTTP with the one distinction money depends on: a request that provably never reached
 * the other side (`not_sent`, safe to retry) versus one that may have been processed (`no_answer`,
 * never retried blindly). Connect and response timeouts are separate for that reason.
 */
export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded; undefined values are left out. */
  form?: Record<string, string | number | undefined>;
  /** Sent as application/json. */
  json?: unknown;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
  /**
   * Safe to send twice (a read). A kept-alive connection the server closed while it sat idle fails
   * the next request with a reset before any answer; such a request is sent once more on a new
   * connection. Never set for a request that may place or change something.
   */
  idempotent?: boolean;
}

export type HttpOutcome =
  | {
      kind: "response";
      status: number;
      body: string;
      headers: Record<string, string | string[] | undefined>;
      latencyMs: number;
    }
  | { kind: "not_sent"; code: string; message: string; latencyMs: number }
  | { kind: "no_answer"; code: string; message: string; latencyMs: number };

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpOutcome>;
  close(): Promise<void>;
}

/** A connection that broke before any answer: on a reused idle connection, the server had closed it. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

/** Failures that happen before a single byte of the request could reach the server. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
]);

export function createHttpClient(defaults: { connectTimeoutMs?: number; responseTimeoutMs?: number } = {}): HttpClient {
  const agents = new Map<string, Agent>();
  const agentFor = (connectTimeout: number, responseTimeout: number): Agent => {
    const key = `${connectTimeout}/${responseTimeout}`;
    let agent = agents.get(key);
    if (!agent) {
      agent = new Agent({
        connect: { timeout: connectTimeout },
        headersTimeout: responseTimeout,
        bodyTimeout: responseTimeout,
      });
      agents.set(key, agent);
    }
    return agent;
  };

  const client: HttpClient = {
    async send(req) {
      const outcome = await sendOnce(req);
      return req.idempotent && outcome.kind === "no_answer" && RESET_CODES.has(outcome.code) ? sendOnce(req) : outcome;
    },
    async close() {
      await Promise.all([...agents.values()].map((a) => a.close()));
      agents.clear();
    },
  };

  async function sendOnce(req: HttpRequest): Promise<HttpOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const headers: Record<string, string> = { accept: "application/json", ...req.headers };
    let body: string | undefined;
    if (req.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(req.form)) if (v !== undefined) params.set(k, String(v));
      body = params.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers["content-type"] = "application/json";
    }
    const dispatcher = agentFor(
      req.connectTimeoutMs ?? defaults.connectTimeoutMs ?? 5_000,
      req.responseTimeoutMs ?? defaults.responseTimeoutMs ?? 30_000,
    );
    try {
      const res = await request(req.url, { method: req.method, headers, body, dispatcher });
      const text = await res.body.text();
      return { kind: "response", status: res.statusCode, body: text, headers: res.headers, latencyMs: elapsed() };
    } catch (error) {
      const code = errorCode(error);
      // The message of a network error never contains the URL's path or the body, so it is safe to keep.
      const message = error instanceof Error ? error.message : String(error);
      return NOT_SENT_CODES.has(code)
        ? { kind: "not_sent", code, message, latencyMs: elapsed() }
        : { kind: "no_answer", code, message, latencyMs: elapsed() };
    }
  }
  return client;
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "UNKNOWN";
}
