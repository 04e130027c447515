import type { PaymentGateway } from "./payment-gateway.types.js";

/** The gateways the shop can take money through, keyed by id (`/webhooks/:gateway`, `payments.gateway`). */
export interface PaymentGatewayRegistry {
  get(id: string): PaymentGateway | undefined;
  list(): PaymentGateway[];
  /** The gateway new QRIS invoices go through. */
  readonly primary: PaymentGateway;
}

export function createPaymentGatewayRegistry(gateways: [PaymentGateway, ...PaymentGateway[]]): PaymentGatewayRegistry {
  const byId = new Map(gateways.map((g) => [g.id, g]));
  if (byId.size !== gateways.length) throw new Error("two payment gateways share an id");
  return { get: (id) => byId.get(id), list: () => [...gateways], primary: gateways[0] };
}
