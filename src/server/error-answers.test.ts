import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { captureLogs } from "../../test/kit/log-capture.js";
import { openDatabase, type OpenedDatabase } from "../infra/db/open-database.js";
import { AppError, ERROR_HTTP_STATUS, type ErrorCode } from "../shared/errors.js";
import { createServer } from "./index.js";

/**
 * The server answers every thrown AppError from one table (ERROR_HTTP_STATUS): a route only throws,
 * whatever feature the error comes from, and never picks a status itself.
 */
describe("errors answered by the server", () => {
  let database: OpenedDatabase;
  let logs: ReturnType<typeof captureLogs>;
  let thrown: unknown;
  let app: Hono;

  beforeEach(() => {
    database = openDatabase(":memory:");
    logs = captureLogs("warn");
    const routes = new Hono();
    routes.post("/fails", () => {
      throw thrown;
    });
    app = createServer({ db: database.db, logger: logs.logger, routes: [{ path: "/test", app: routes }] });
  });
  afterEach(() => database.close());

  const answerTo = async (error: unknown) => {
    thrown = error;
    const response = await app.request("/test/fails", { method: "POST" });
    return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
  };

  it("answers each code with the status beside it and the error's own words", async () => {
    const cases: Array<[ErrorCode, number]> = [
      ["admin.invalid_input", 400],
      ["admin.unauthorized", 401],
      ["admin.forbidden", 403],
      ["orders.not_found", 404],
      ["admin.conflict", 409],
      ["orders.invalid_state", 409],
      ["wallet.insufficient_balance", 409],
      ["providers.unavailable", 502],
      ["payments.signature_invalid", 401],
      ["payments.not_configured", 503],
      ["fulfilment.signature_invalid", 401],
    ];
    for (const [code, status] of cases) {
      expect(ERROR_HTTP_STATUS[code], code).toBe(status);
      const answer = await answerTo(new AppError(code, `refused: ${code}`));
      expect(answer.status, code).toBe(status);
      expect(answer.body).toEqual({ error: { code, message: `refused: ${code}` } });
    }
    expect(logs.text(), "an expected refusal is no server failure").not.toContain("request failed");
  });

  it("adds the message key and its values the admin app translates", async () => {
    const answer = await answerTo(
      new AppError("wallet.insufficient_balance", "the balance is too low", {
        text: { key: "wallet.short", params: { balance: 500, amount: 1_000 } },
      }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      error: {
        code: "wallet.insufficient_balance",
        message: "the balance is too low",
        key: "wallet.short",
        params: { balance: 500, amount: 1_000 },
      },
    });
    const noValues = await answerTo(
      new AppError("orders.invalid_input", "say why", { text: { key: "input.reason_required" } }),
    );
    expect(noValues.body).toEqual({
      error: { code: "orders.invalid_input", message: "say why", key: "input.reason_required", params: {} },
    });
  });

  it("reveals nothing of a failure (a 500 code or any other error) and logs it", async () => {
    for (const error of [
      new AppError("crypto.decrypt_failed", "secret box key abc123 did not open"),
      new AppError("internal", "the table moved"),
      new Error("disk on fire"),
    ]) {
      const answer = await answerTo(error);
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error: { code: "internal", message: "internal error" } });
    }
    expect(logs.text()).toContain("request failed");
    expect(logs.text()).toContain("disk on fire");
  });

  it("has a status for every code, each a client or server error", () => {
    for (const [code, status] of Object.entries(ERROR_HTTP_STATUS))
      expect([400, 401, 403, 404, 409, 500, 502, 503], code).toContain(status);
  });
});
