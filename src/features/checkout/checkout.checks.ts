import { err, ok, type Result } from "../../shared/result.js";
import type { Service } from "../catalog/catalog.service.js";
import { normalizeAccount, normalizeTarget } from "./checkout.target.js";
import type { CheckedTarget, QuoteProblem } from "./checkout.service.js";

/**
 * The checks of what a customer gives for a purchase, written once: the purchase flow applies them
 * to the draft as details arrive, and the checkout service applies the same ones to every quote it
 * prices (the flow is one of its callers; admin manual orders are another).
 */

export function checkQuantity(service: Pick<Service, "min" | "max">, quantity: number): Result<number, QuoteProblem> {
  return Number.isSafeInteger(quantity) && quantity >= service.min && quantity <= service.max
    ? ok(quantity)
    : err({ code: "quantity_out_of_range", quantity, min: service.min, max: service.max });
}

/** A link/@username for SMM services; an account (player id + zone, phone, customer number) for top-ups. */
export function checkTarget(
  service: Pick<Service, "targetKind" | "platform" | "zoneRequired">,
  input: { target: string; zone?: string | undefined },
): Result<CheckedTarget, QuoteProblem> {
  if (service.targetKind === "link") {
    const link = normalizeTarget(input.target, service.platform);
    return link.ok ? ok({ target: link.value, zone: undefined }) : link;
  }
  return normalizeAccount(service.targetKind, input, service.zoneRequired);
}
