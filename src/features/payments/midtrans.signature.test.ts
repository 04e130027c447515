import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toState } from "./midtrans.gateway.js";
import { isValidMidtransSignature, midtransSignature } from "./midtrans.signature.js";

const SERVER_KEY = "SB-Mid-server-TEST_KEY_123";

function sha512Hex(text: string): string {
  return createHash("sha512").update(text, "utf8").digest("hex");
}

const notification = {
  order_id: "TB-42-ABC123",
  status_code: "200",
  gross_amount: "5539.00",
};
const genuine = { ...notification, signature_key: sha512Hex(`TB-42-ABC123` + `200` + `5539.00` + SERVER_KEY) };

describe("midtransSignature", () => {
  it("is the SHA-512 hex of order_id + status_code + gross_amount + server key", () => {
    expect(midtransSignature("TB-42-ABC123", "200", "5539.00", SERVER_KEY)).toBe(genuine.signature_key);
    expect(genuine.signature_key).toMatch(/^[0-9a-f]{128}$/);
  });

  it("changes when any signed field changes", () => {
    const base = midtransSignature("TB-1", "200", "15000.00", SERVER_KEY);
    expect(midtransSignature("TB-2", "200", "15000.00", SERVER_KEY)).not.toBe(base);
    expect(midtransSignature("TB-1", "201", "15000.00", SERVER_KEY)).not.toBe(base);
    expect(midtransSignature("TB-1", "200", "15001.00", SERVER_KEY)).not.toBe(base);
    expect(midtransSignature("TB-1", "200", "15000.00", `${SERVER_KEY}x`)).not.toBe(base);
  });
});

describe("isValidMidtransSignature: only Midtrans can mark an order paid", () => {
  it("accepts a genuine notification", () => {
    expect(isValidMidtransSignature(genuine, SERVER_KEY)).toBe(true);
  });

  it("rejects the signature written in uppercase hex", () => {
    expect(
      isValidMidtransSignature({ ...genuine, signature_key: genuine.signature_key.toUpperCase() }, SERVER_KEY),
    ).toBe(false);
  });

  it("rejects a truncated signature", () => {
    expect(
      isValidMidtransSignature({ ...genuine, signature_key: genuine.signature_key.slice(0, 127) }, SERVER_KEY),
    ).toBe(false);
    expect(isValidMidtransSignature({ ...genuine, signature_key: "" }, SERVER_KEY)).toBe(false);
  });

  it("rejects a notification signed with another server key", () => {
    expect(isValidMidtransSignature(genuine, "SB-Mid-server-OTHER")).toBe(false);
  });

  it("rejects a signature made over a differently formatted amount", () => {
    const signedOver5539 = { ...genuine, signature_key: sha512Hex(`TB-42-ABC123` + `200` + `5539` + SERVER_KEY) };
    expect(isValidMidtransSignature(signedOver5539, SERVER_KEY)).toBe(false);
    expect(isValidMidtransSignature({ ...genuine, gross_amount: "5539" }, SERVER_KEY)).toBe(false);
  });

  it("rejects a genuine signature attached to a different order", () => {
    expect(isValidMidtransSignature({ ...genuine, order_id: "TB-43-ABC123" }, SERVER_KEY)).toBe(false);
  });
});

describe("toState: what a Midtrans status means for the order", () => {
  it.each([
    ["settlement", undefined],
    ["settlement", "accept"],
    ["capture", undefined],
    ["capture", "accept"],
  ])("treats %s with fraud status %s as paid", (status, fraud) => {
    expect(toState(status, fraud)).toBe("paid");
  });

  it("keeps a capture under fraud challenge pending, not paid", () => {
    expect(toState("capture", "challenge")).toBe("pending");
  });

  it("treats a capture denied by fraud detection as failed", () => {
    expect(toState("capture", "deny")).toBe("failed");
  });

  it.each([
    ["pending", "pending"],
    ["authorize", "pending"],
    ["expire", "expired"],
    ["expired", "expired"],
    ["cancel", "canceled"],
    ["deny", "failed"],
    ["failure", "failed"],
    ["refund", "refunded"],
    ["partial_refund", "refunded"],
    ["chargeback", "refunded"],
    ["partial_chargeback", "refunded"],
  ])("maps %s to %s", (status, state) => {
    expect(toState(status, undefined)).toBe(state);
  });

  it("reports statuses it does not know as unrecognized instead of guessing", () => {
    expect(toState("something_new", undefined)).toBe("unrecognized");
    expect(toState("", undefined)).toBe("unrecognized");
  });

  it("ignores letter case in both the status and the fraud status", () => {
    expect(toState("SETTLEMENT", undefined)).toBe("paid");
    expect(toState("Capture", "ACCEPT")).toBe("paid");
    expect(toState("CAPTURE", "Challenge")).toBe("pending");
    expect(toState("Expire", undefined)).toBe("expired");
    expect(toState("Partial_Refund", undefined)).toBe("refunded");
  });
});
