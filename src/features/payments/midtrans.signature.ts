import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Midtrans signs notifications with SHA-512(order_id + status_code + gross_amount + server key),
 * over the values exactly as received. It is not an HMAC and has no timestamp, so a valid signature
 * only proves the sender knew the key: the notification is a trigger, never the truth.
 */
export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash("sha512").update(`${orderId}${statusCode}${grossAmount}${serverKey}`, "utf8").digest("hex");
}

export function isValidMidtransSignature(
  input: { order_id: string; status_code: string; gross_amount: string; signature_key: string },
  serverKey: string,
): boolean {
  const expected = Buffer.from(
    midtransSignature(input.order_id, input.status_code, input.gross_amount, serverKey),
    "utf8",
  );
  const received = Buffer.from(input.signature_key, "utf8");
  return expected.length === received.length && timingSafeEqual(expected, received);
}
