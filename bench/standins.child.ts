import { startSandboxServer } from "../test/kit/sandbox-server.js";
import { serveParent } from "./child.js";

/**
 * The sandbox stand-ins (Midtrans simulator and friends) in a process of their own, for the webhook
 * benchmark: the product's status calls then cost the measured server only what a remote gateway
 * would (a loopback round trip), not the simulator's CPU on the same event loop.
 */
const standIns = await startSandboxServer();
const midtrans = standIns.sandbox.midtrans;
const basicAuth = `Basic ${Buffer.from(`${midtrans.serverKey}:`).toString("base64")}`;

/** Settles a transaction without notifying; returns its genuine signed notification body. */
const settle = async (reference: string): Promise<string> => {
  if (!(await midtrans.pay(reference, { notify: false })))
    throw new Error(`cannot settle ${reference} at the simulator`);
  return JSON.stringify(midtrans.notificationFor(reference));
};

serveParent(
  {
    info: () => ({ url: standIns.url, env: standIns.env, smmUrl: standIns.smmUrl, smmKey: standIns.sandbox.smm.key }),
    /** The customer pays each QR (no notification sent); returns the genuine signed notification bodies. */
    settle: async (references: string[]) => {
      const bodies: string[] = [];
      for (const reference of references) bodies.push(await settle(reference));
      return bodies;
    },
    /** Invoices written straight into the product's database: charged through the simulator's own charge route, then settled. */
    seed: async (invoices: Array<{ reference: string; amount: number }>) => {
      const transactionIds: string[] = [];
      const bodies: string[] = [];
      for (const { reference, amount } of invoices) {
        const body = {
          payment_type: "qris",
          transaction_details: { order_id: reference, gross_amount: amount },
          qris: { acquirer: "gopay" },
          custom_expiry: { expiry_duration: 15, unit: "minute" },
        };
        const res = await midtrans.routes.request("/v2/charge", {
          method: "POST",
          headers: { authorization: basicAuth, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (res.status !== 200) throw new Error(`charge ${reference} answered ${res.status}`);
        transactionIds.push(((await res.json()) as { transaction_id: string }).transaction_id);
        bodies.push(await settle(reference));
      }
      return { transactionIds, bodies };
    },
  },
  () => standIns.close(),
);
