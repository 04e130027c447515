import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient, type HttpClient } from "./http-client.js";

/**
 * A server that breaks the connection of the first request it gets before answering, as a supplier
 * does when it closes a kept-alive connection just as the next request goes out on it.
 */
let server: Server;
let url: string;
let received: number;
let client: HttpClient;

beforeEach(async () => {
  received = 0;
  server = createServer((req, res) => {
    received++;
    if (received === 1) {
      req.socket.destroy();
      return;
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ balance: "100.00", currency: "IDR" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  client = createHttpClient();
});

afterEach(async () => {
  await client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a connection broken before any answer", () => {
  it("sends a read once more on a new connection, and answers with what the second attempt got", async () => {
    const outcome = await client.send({ method: "POST", url, form: { action: "balance" }, idempotent: true });
    expect(outcome).toMatchObject({ kind: "response", status: 200, body: '{"balance":"100.00","currency":"IDR"}' });
    expect(received).toBe(2);
  });

  it("never sends a request that may place something twice: it is reported as possibly processed", async () => {
    const outcome = await client.send({ method: "POST", url, form: { action: "add" } });
    expect(outcome).toMatchObject({ kind: "no_answer" });
    expect(received).toBe(1);
  });
});
