import { startSandboxServer } from "../test/kit/sandbox-server.js";
import { serveParent } from "./child.js";

/**
 * The sandbox stand-ins (Midtrans simulator and friends) in a process of their own, for the webhook
 * benchmark: the product's status calls then cost the measured server only what a remote gateway
 * would (a loopback round trip), not the simulator's CPU on the same event loop.
 */
const standIns = await startSandboxServer();

serveParent(
  {
    info: () => ({ url: standIns.url, env: standIns.env, smmUrl: standIns.smmUrl, smmKey: standIns.sandbox.smm.key }),
    /** The customer pays each QR (no notification sent); returns the genuine signed notification bodies. */
    settle: async (references: string[]) => {
      const bodies: string[] = [];
      for (const reference of references) {
        if (!(await standIns.sandbox.midtrans.pay(reference, { notify: false }))) throw new Error(`cannot settle ${reference} at the simulator`);
        bodies.push(JSON.stringify(standIns.sandbox.midtrans.notificationFor(reference)));
      }
      return bodies;
    },
  },
  () => standIns.close(),
);
