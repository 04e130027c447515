import { Hono } from "hono";
import type { SupplierCallbacks } from "./supplier-callbacks.js";

/** `POST /webhooks/digiflazz`: the raw body goes through untouched (the signature covers its bytes). */
export function createSupplierCallbackRoutes(callbacks: SupplierCallbacks): Hono {
  const routes = new Hono();
  routes.post("/digiflazz", async (c) => {
    return c.json(await callbacks.digiflazz(await c.req.text(), c.req.header("x-hub-signature")));
  });
  return routes;
}
