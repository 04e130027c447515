import { createHash, randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { renderQrPng } from "../../infra/qr/qr-image.js";

/**
 * A Midtrans Core API stand-in for QRIS: Basic-auth charge, status, cancel and expire with the
 * documented bodies (string amounts "10000.00", body `status_code`s, 404/406/407), a QR image, and
 * signed HTTP notifications — sent once on pay, or on demand duplicated, reordered or forged.
 */
export type SimTxStatus = "pending" | "settlement" | "expire" | "cancel" | "deny";

export interface SimTransaction {
  transaction_id: string;
  order_id: string;
  gross_amount: number;
  status: SimTxStatus;
  created_at: number;
  expiry_at: number;
  settled_at?: number;
  notificationUrls: string[];
  qr_string: string;
  issuer: string;
}

export interface Delivery {
  orderId: string;
  status: string;
  url: string;
  httpStatus: number | "error";
  at: number;
}

export interface MidtransSimulatorOptions {
  serverKey: string;
  /** Where notifications go when a charge carries no X-Override-Notification header. */
  notificationUrl?: string;
  now?: () => number;
  /** Public base of these routes, for the QR image URL in charge answers. */
  publicBaseUrl?: string;
  merchantId?: string;
}

const STATUS_CODE: Record<SimTxStatus, string> = {
  pending: "201",
  settlement: "200",
  expire: "407",
  cancel: "200",
  deny: "202",
};
const MESSAGE: Record<SimTxStatus, string> = {
  pending: "Success, transaction is found",
  settlement: "Success, transaction is found",
  expire: "Success, transaction is found",
  cancel: "Success, transaction is found",
  deny: "Success, transaction is found",
};

export function signatureFor(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash("sha512").update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest("hex");
}

/** "2026-11-21 10:15:00" in Asia/Jakarta, as Midtrans writes times. */
function jakarta(epochMs: number): string {
  return new Date(epochMs + 7 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function createMidtransSimulator(options: MidtransSimulatorOptions) {
  const now = options.now ?? (() => Date.now());
  const merchantId = options.merchantId ?? "G000000001";
  const transactions = new Map<string, SimTransaction>();
  const deliveries: Delivery[] = [];
  const faults = new Map<string, "timeout" | "http500" | "http401">();
  const hanging = new Set<() => void>();
  let publicBase = options.publicBaseUrl ?? "";
  let enforceExpiry = true;

  const gross = (tx: SimTransaction) => `${tx.gross_amount}.00`;
  const find = (id: string) => transactions.get(id) ?? [...transactions.values()].find((t) => t.transaction_id === id);
  const expireIfDue = (tx: SimTransaction) => {
    if (enforceExpiry && tx.status === "pending" && now() > tx.expiry_at) {
      tx.status = "expire";
      void notify(tx);
    }
  };

  const statusBody = (tx: SimTransaction) => ({
    status_code: STATUS_CODE[tx.status],
    status_message: MESSAGE[tx.status],
    transaction_id: tx.transaction_id,
    order_id: tx.order_id,
    merchant_id: merchantId,
    gross_amount: gross(tx),
    currency: "IDR",
    payment_type: "qris",
    transaction_time: jakarta(tx.created_at),
    transaction_status: tx.status,
    fraud_status: "accept",
    acquirer: "gopay",
    ...(tx.status === "settlement" ? { settlement_time: jakarta(tx.settled_at ?? now()), issuer: tx.issuer } : {}),
    expiry_time: jakarta(tx.expiry_at),
    signature_key: signatureFor(tx.order_id, STATUS_CODE[tx.status], gross(tx), options.serverKey),
  });

  /** The notification body Midtrans would POST for the transaction's current state. */
  const notificationFor = (tx: SimTransaction, overrides: Record<string, unknown> = {}) => ({
    transaction_type: "on-us",
    transaction_time: jakarta(tx.created_at),
    transaction_status: tx.status,
    transaction_id: tx.transaction_id,
    status_message: "midtrans payment notification",
    status_code: STATUS_CODE[tx.status],
    signature_key: signatureFor(tx.order_id, STATUS_CODE[tx.status], gross(tx), options.serverKey),
    ...(tx.status === "settlement" ? { settlement_time: jakarta(tx.settled_at ?? now()) } : {}),
    payment_type: "qris",
    order_id: tx.order_id,
    merchant_id: merchantId,
    issuer: tx.issuer,
    gross_amount: gross(tx),
    fraud_status: "accept",
    currency: "IDR",
    acquirer: "gopay",
    ...overrides,
  });

  const post = async (url: string, body: unknown, tx: SimTransaction): Promise<number | "error"> => {
    let httpStatus: number | "error";
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Veritrans" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      httpStatus = res.status;
    } catch {
      httpStatus = "error";
    }
    deliveries.push({ orderId: tx.order_id, status: tx.status, url, httpStatus, at: now() });
    return httpStatus;
  };

  /** Sends the notification to every URL of the transaction; failures are retried on Midtrans' schedule. */
  const notify = async (
    tx: SimTransaction,
    overrides: Record<string, unknown> = {},
  ): Promise<Array<number | "error">> => {
    const body = notificationFor(tx, overrides);
    const results: Array<number | "error"> = [];
    for (const url of tx.notificationUrls) {
      const status = await post(url, body, tx);
      results.push(status);
      if (status === "error" || status >= 300) scheduleRetries(url, body, tx);
    }
    return results;
  };

  const scheduleRetries = (url: string, body: unknown, tx: SimTransaction) => {
    let delay = 0;
    for (const minutes of [2, 10, 30, 90, 210]) {
      delay = minutes * 60_000 + Math.floor(Math.random() * 30_000);
      setTimeout(() => void post(url, body, tx), delay).unref();
    }
  };

  const unauthorized = (c: Context) => {
    const header = c.req.header("authorization") ?? "";
    const expected = `Basic ${Buffer.from(`${options.serverKey}:`).toString("base64")}`;
    if (header === expected && faults.get("auth") !== "http401") return undefined;
    return c.json(
      {
        status_code: "401",
        status_message: "Access denied due to unauthorized transaction, please check client or server key",
        id: randomUUID(),
      },
      401,
    );
  };

  const faulted = async (c: Context, call: string): Promise<Response | undefined> => {
    const fault = faults.get(call);
    if (fault === "http500")
      return c.json(
        { status_code: "500", status_message: "Sorry. Our system is recovering from unexpected issues. Please retry." },
        500,
      );
    if (fault === "timeout") return new Promise<Response>((resolve) => hanging.add(() => resolve(c.text("", 504))));
    return undefined;
  };

  const routes = new Hono();

  routes.post("/v2/charge", async (c) => {
    const denied = unauthorized(c) ?? (await faulted(c, "charge"));
    if (denied) return denied;
    const body = (await c.req.json().catch(() => ({}))) as Record<string, any>;
    const orderId = body.transaction_details?.order_id;
    const amount = body.transaction_details?.gross_amount;
    if (body.payment_type !== "qris")
      return c.json(
        {
          status_code: "400",
          status_message: "Payment type is not supported in this simulator",
          validation_messages: ["payment_type must be qris"],
        },
        400,
      );
    if (
      typeof orderId !== "string" ||
      orderId.length === 0 ||
      orderId.length > 50 ||
      !Number.isInteger(amount) ||
      amount < 1
    ) {
      return c.json(
        {
          status_code: "400",
          status_message: "One or more parameters in the payload is invalid.",
          validation_messages: ["transaction_details.order_id and an integer gross_amount are required"],
        },
        400,
      );
    }
    const items = Array.isArray(body.item_details)
      ? (body.item_details as Array<{ price: number; quantity: number }>)
      : [];
    if (items.length > 0 && items.reduce((sum, i) => sum + i.price * i.quantity, 0) !== amount) {
      return c.json(
        {
          status_code: "400",
          status_message: "One or more parameters in the payload is invalid.",
          validation_messages: ["transaction_details.gross_amount is not equal to the sum of item_details"],
        },
        400,
      );
    }
    const existing = transactions.get(orderId);
    if (existing && (existing.status === "pending" || existing.status === "settlement")) {
      return c.json(
        {
          status_code: "406",
          status_message:
            "The request could not be completed due to a conflict with the current state of the target resource, please try again",
          id: randomUUID(),
        },
        406,
      );
    }
    const expiry = body.custom_expiry ?? {};
    const unitMs: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };
    const ttl = Number(expiry.expiry_duration ?? 15) * (unitMs[String(expiry.unit ?? "minute")] ?? 60_000);
    const override = c.req.header("x-override-notification");
    const append = c.req.header("x-append-notification");
    const urls = (override ?? options.notificationUrl ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    if (!override && append)
      urls.push(
        ...append
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean)
          .slice(0, 2),
      );
    const tx: SimTransaction = {
      transaction_id: randomUUID(),
      order_id: orderId,
      gross_amount: amount,
      status: "pending",
      created_at: now(),
      expiry_at: now() + ttl,
      notificationUrls: urls,
      qr_string: `00020101021226620014COM.GO-JEK.WWW011893600914${String(amount).padStart(10, "0")}5204581253033605802ID5914TOKO SANDBOX6007JAKARTA62${String(orderId.length + 4).padStart(2, "0")}05${String(orderId.length).padStart(2, "0")}${orderId}6304ABCD`,
      issuer: "gopay",
    };
    transactions.set(orderId, tx);
    return c.json({
      status_code: "201",
      status_message: "QRIS transaction is created",
      transaction_id: tx.transaction_id,
      order_id: orderId,
      merchant_id: merchantId,
      gross_amount: gross(tx),
      currency: "IDR",
      payment_type: "qris",
      transaction_time: jakarta(tx.created_at),
      transaction_status: "pending",
      fraud_status: "accept",
      actions: [{ name: "generate-qr-code", method: "GET", url: `${publicBase}/v2/qris/${tx.transaction_id}/qr-code` }],
      qr_string: tx.qr_string,
      acquirer: "gopay",
      expiry_time: jakarta(tx.expiry_at),
    });
  });

  routes.get("/v2/qris/:id/qr-code", async (c) => {
    const tx = find(c.req.param("id"));
    if (!tx) return c.json({ status_code: "404", status_message: "The requested resource is not found" }, 404);
    return c.body(new Uint8Array(await renderQrPng(tx.qr_string)), 200, { "content-type": "image/png" });
  });

  routes.get("/v2/:id/status", async (c) => {
    const denied = unauthorized(c) ?? (await faulted(c, "status"));
    if (denied) return denied;
    const tx = find(decodeURIComponent(c.req.param("id")));
    if (!tx) return c.json({ status_code: "404", status_message: "The requested resource is not found" }, 404);
    expireIfDue(tx);
    return c.json(statusBody(tx));
  });

  const change = (to: "cancel" | "expire") => async (c: Context) => {
    const denied = unauthorized(c) ?? (await faulted(c, to));
    if (denied) return denied;
    const tx = find(decodeURIComponent(c.req.param("id") ?? ""));
    if (!tx) return c.json({ status_code: "404", status_message: "The requested resource is not found" }, 404);
    if (tx.status !== "pending")
      return c.json(
        { status_code: "412", status_message: "Merchant cannot modify the status of the transaction" },
        412,
      );
    tx.status = to;
    void notify(tx);
    const body = statusBody(tx);
    return to === "cancel"
      ? c.json({ ...body, status_code: "200", status_message: "Success, transaction is canceled" })
      : c.json({ ...body, status_code: "407", status_message: "Success, transaction has expired" });
  };
  routes.post("/v2/:id/cancel", change("cancel"));
  routes.post("/v2/:id/expire", change("expire"));

  // Simulator controls: what a customer's banking app (pay) or time (expire) would do.
  routes.get("/_sim/transactions", (c) => {
    transactions.forEach(expireIfDue);
    return c.json(
      [...transactions.values()]
        .reverse()
        .map((t) => ({ order_id: t.order_id, gross_amount: t.gross_amount, status: t.status, expiry_at: t.expiry_at })),
    );
  });
  routes.post("/_sim/transactions/:orderId/pay", async (c) => {
    const result = await api.pay(c.req.param("orderId"));
    return result ? c.json(result) : c.json({ error: "not payable" }, 409);
  });

  const api = {
    routes,
    serverKey: options.serverKey,
    transactions,
    deliveries,
    setPublicBaseUrl(url: string): void {
      publicBase = url;
    },
    setNotificationUrl(url: string): void {
      options.notificationUrl = url;
    },
    /** Midtrans does not enforce QRIS expiries under 15 minutes; this mode reproduces that. */
    setEnforceExpiry(value: boolean): void {
      enforceExpiry = value;
    },
    setFault(
      call: "charge" | "status" | "cancel" | "expire" | "auth",
      fault: "timeout" | "http500" | "http401" | undefined,
    ): void {
      if (fault) faults.set(call, fault);
      else faults.delete(call);
    },
    /** The customer pays the QR: settle and notify once. Paying after expiry is allowed (late payment). */
    async pay(orderId: string, options: { late?: boolean; notify?: boolean } = {}) {
      const tx = transactions.get(orderId);
      if (!tx) return undefined;
      if (tx.status !== "pending" && !(options.late && (tx.status === "expire" || tx.status === "cancel")))
        return undefined;
      if (tx.status === "pending" && enforceExpiry && now() > tx.expiry_at && !options.late) return undefined;
      tx.status = "settlement";
      tx.settled_at = now();
      const results = options.notify === false ? [] : await notify(tx);
      return { order_id: orderId, status: tx.status, deliveries: results };
    },
    /** The signed notification body for the current state, optionally with edited fields. */
    notificationFor(orderId: string, overrides: Record<string, unknown> = {}) {
      const tx = transactions.get(orderId);
      if (!tx) throw new Error(`no transaction ${orderId}`);
      return notificationFor(tx, overrides);
    },
    /** Sends the current notification again (duplicates), `times` times, at once or in sequence. */
    async resend(orderId: string, times = 1, concurrently = false): Promise<Array<number | "error">> {
      const tx = transactions.get(orderId);
      if (!tx) throw new Error(`no transaction ${orderId}`);
      if (concurrently) return (await Promise.all(Array.from({ length: times }, () => notify(tx)))).flat();
      const results: Array<number | "error"> = [];
      for (let i = 0; i < times; i++) results.push(...(await notify(tx)));
      return results;
    },
    close(): void {
      hanging.forEach((release) => release());
      hanging.clear();
    },
  };
  return api;
}

export type MidtransSimulator = ReturnType<typeof createMidtransSimulator>;
