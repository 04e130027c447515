import type { Hono } from "hono";
import { afterEach } from "vitest";
import { createHttpClient, type HttpClient } from "../../src/infra/http/http-client.js";
import { listen, type RunningServer } from "../../src/server/listen.js";
import { freePort } from "./free-port.js";

/**
 * Loopback servers and HTTP clients for a test file, closed after each test: last opened, first
 * closed, so a simulator releases its hanging requests before its server stops.
 */
export function loopbackScope() {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()!();
  });
  return {
    /** Runs `cleanup` after the current test, before what was opened earlier. */
    onCleanup(cleanup: () => Promise<void> | void): void {
      cleanups.push(cleanup);
    },
    /** An HTTP client with short timeouts, so "the supplier hangs" tests take milliseconds. */
    fastHttp(): HttpClient {
      const http = createHttpClient({ connectTimeoutMs: 500, responseTimeoutMs: 800 });
      cleanups.push(() => http.close());
      return http;
    },
    async serve(app: Hono): Promise<RunningServer> {
      const server = await listen(app, "127.0.0.1", 0);
      cleanups.push(() => server.close());
      return server;
    },
  };
}

/** An address on loopback where nobody listens: the connection is refused. */
export async function closedPortUrl(path: string): Promise<string> {
  return `http://127.0.0.1:${await freePort()}${path}`;
}
