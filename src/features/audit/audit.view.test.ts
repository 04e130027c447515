import { describe, expect, it } from "vitest";
import { auditChanges, isSecretName } from "./audit.view.js";

describe("reading an audit entry without its secrets", () => {
  it.each([
    "apiKey",
    "api_key",
    "serverKey",
    "server-key",
    "key",
    "secretKey",
    "webhookSecret",
    "botToken",
    "password",
    "credentials",
    "pin",
    "authorization",
  ])("hides a field named %s", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    "name",
    "keyboard",
    "monkey",
    "amount",
    "status",
    "credentialFields",
    "tokenNames",
    "providerOrderId",
    "spin",
  ])("shows a field named %s", (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it("hides secrets nested anywhere, including inside arrays and sealed envelopes, and still tells whether they changed", () => {
    const before = JSON.stringify({
      options: [{ apiKey: "AAA" }],
      sealed: "v1:aXY=:dGFn:Y2lwaGVy",
      login: { user: "shop", password: "p1" },
    });
    const after = JSON.stringify({
      options: [{ apiKey: "BBB" }],
      sealed: "v1:aXY=:dGFn:Y2lwaGVy",
      login: { user: "shop", password: "p2" },
    });
    const changes = auditChanges(before, after);
    expect(JSON.stringify(changes)).not.toMatch(/AAA|BBB|p1|p2|Y2lwaGVy/);
    expect(changes).toEqual([
      { field: "options", before: '[{"apiKey":"•••"}]', after: '[{"apiKey":"•••"}]', changed: true, hidden: false },
      { field: "sealed", before: null, after: null, changed: false, hidden: true },
      { field: "login.user", before: "shop", after: "shop", changed: false, hidden: false },
      { field: "login.password", before: null, after: null, changed: true, hidden: true },
    ]);
  });

  it("keeps a product called Token PLN readable, and the name of a setting while hiding its value", () => {
    expect(auditChanges(null, JSON.stringify({ name: "Token PLN 20rb", value: 20_000 }))).toEqual([
      { field: "name", before: null, after: "Token PLN 20rb", changed: true, hidden: false },
      { field: "value", before: null, after: 20_000, changed: true, hidden: false },
    ]);
    expect(
      auditChanges(
        JSON.stringify({ key: "midtrans.server_key", value: "SB-1" }),
        JSON.stringify({ key: "midtrans.server_key", value: "SB-2" }),
      )[1],
    ).toEqual({ field: "value", before: null, after: null, changed: true, hidden: true });
  });

  it("reads a creation (no before) and a plain value", () => {
    expect(auditChanges(null, JSON.stringify({ role: "admin" }))).toEqual([
      { field: "role", before: null, after: "admin", changed: true, hidden: false },
    ]);
    expect(auditChanges("5", "7")).toEqual([{ field: "value", before: 5, after: 7, changed: true, hidden: false }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});
