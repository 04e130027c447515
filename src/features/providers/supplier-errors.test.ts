import { describe, expect, it } from "vitest";
import { classifySupplierError } from "./supplier-errors.js";
import { classifyVipError } from "./vip-reseller.adapter.js";
import { digiflazzErrorClass } from "./digiflazz.adapter.js";

/**
 * "The supplier is out of funds" in every wording the families send (wire-contracts §1.8, §2–4):
 * each must read as `insufficient_funds`, which makes an order wait for a top-up instead of being
 * refunded; refusals about the order itself must not.
 */
describe("an empty supplier balance, whatever the wording", () => {
  it.each([
    "Not enough funds on balance",
    "neworder.error.not_enough_funds",
    "Insufficient balance",
    "You don't have enough funds",
    "Not enough balance",
    "Your balance is too low",
    "Saldo tidak cukup",
    "Saldo anda tidak mencukupi untuk melakukan pemesanan ini",
    "Saldo Anda kurang",
    "Maaf, saldo kamu habis",
  ])("reads %j from an SMM or Indonesian panel as out of funds", (message) => {
    expect(classifySupplierError(message)).toBe("insufficient_funds");
  });

  it.each(["Saldo tidak mencukupi", "Saldo anda kurang, silahkan deposit", "Insufficient balance"])(
    "reads %j from VIP Reseller as out of funds",
    (message) => {
      expect(classifyVipError(message)).toBe("insufficient_funds");
    },
  );

  it("reads Digiflazz rc 44 (Saldo tidak cukup) and 61 (never deposited) as out of funds, not rc 56 (the seller's limit)", () => {
    expect(digiflazzErrorClass("44")).toBe("insufficient_funds");
    expect(digiflazzErrorClass("61")).toBe("insufficient_funds");
    expect(digiflazzErrorClass("56")).not.toBe("insufficient_funds");
  });

  it.each(["Incorrect link", "Quantity less than minimal 100", "Incorrect service ID", "Target tidak valid"])(
    "does not read %j as out of funds",
    (message) => {
      expect(classifySupplierError(message)).not.toBe("insufficient_funds");
    },
  );
});
