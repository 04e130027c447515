import { describe, expect, it } from "vitest";
import { createSmmPanelSimulator, type SmmSimulatorOptions } from "../../sandbox/smm/smm-panel-simulator.js";
import { loopbackScope } from "../../../test/kit/loopback.js";
import { ProviderCallError } from "./provider.types.js";
import { createSmmV2Adapter } from "./smm-v2.adapter.js";
import { reportedCurrency } from "./supplier-currency.js";
import { maskSupplierText, maskUrl, secretsOf, urlCredentialProblem, withMaskedText } from "./supplier-text.js";

/**
 * Supplier text is data, not trusted text: the SMM simulator plays a careless panel that echoes the
 * key it was sent (as text and inside a URL) in every error, over real HTTP; whatever leaves the
 * masked adapter carries none of it. The same simulator reports its account currency in `balance`.
 */

const KEY = "sk-panel-ECHOED-0123456789abcdef";
const { fastHttp, serve, onCleanup } = loopbackScope();

async function panel(options: Partial<SmmSimulatorOptions> = {}) {
  const sim = createSmmPanelSimulator({ key: KEY, ...options });
  const server = await serve(sim.routes);
  onCleanup(() => sim.close());
  const url = `http://127.0.0.1:${server.port}/api/v2`;
  const raw = (key = KEY) => createSmmV2Adapter({ url, key }, fastHttp());
  return { sim, raw, masked: (key = KEY) => withMaskedText(raw(key), { key }) };
}

async function failure(promise: Promise<unknown>): Promise<ProviderCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderCallError);
  return error as ProviderCallError;
}

describe("a panel that echoes the key in its errors", () => {
  it("the raw answer does carry the key (so the masking below has something to do)", async () => {
    const { raw } = await panel({ echoKeyInErrors: true, balance: 0 });
    const outcome = await raw().placeOrder({
      reference: "TB1-0",
      providerServiceId: "1001",
      serviceType: "Default",
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    expect(outcome).toMatchObject({ kind: "rejected", errorClass: "insufficient_funds" });
    expect(JSON.stringify(outcome)).toContain(KEY);
  });

  it("a refused placement keeps its meaning and loses the key, in the text and in the URL", async () => {
    const { masked } = await panel({ echoKeyInErrors: true, balance: 0 });
    const outcome = await masked().placeOrder({
      reference: "TB1-0",
      providerServiceId: "1001",
      serviceType: "Default",
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    expect(outcome).toEqual({
      kind: "rejected",
      errorClass: "insufficient_funds",
      message: "Not enough funds on balance (sent key ••••••••; docs: https://panel.example/api/v2?key=••••••••)",
    });
  });

  it("a failed read (wrong key: the panel echoes the key it was sent) throws the masked message with its class", async () => {
    const wrong = "sk-wrong-key-9876543210";
    const { masked } = await panel({ echoKeyInErrors: true });
    const error = await failure(masked(wrong).services());
    expect(error).toMatchObject({ reason: "rejected", errorClass: "auth" });
    expect(error.message).toBe("Invalid API key (sent key ••••••••; docs: https://panel.example/api/v2?key=••••••••)");
    expect((await failure(masked(wrong).balance())).message).not.toContain(wrong);
  });

  it("per-order status errors are masked too", async () => {
    const { masked } = await panel({ echoKeyInErrors: true });
    const reports = await masked().status([
      { providerOrderId: "424242", reference: "TB9-0", providerServiceId: "1001", target: "x" },
    ]);
    expect(reports.get("424242")).toEqual({
      kind: "error",
      message: "Incorrect order ID (sent key ••••••••; docs: https://panel.example/api/v2?key=••••••••)",
    });
  });

  it("what works keeps working through the mask: services, placements, balance", async () => {
    const { masked } = await panel({ echoKeyInErrors: true });
    expect((await masked().services()).length).toBeGreaterThan(300);
    expect(
      await masked().placeOrder({
        reference: "TB2-0",
        providerServiceId: "1001",
        serviceType: "Default",
        target: "https://instagram.com/budi",
        quantity: 1000,
      }),
    ).toMatchObject({ kind: "placed" });
    expect(await masked().balance()).toMatchObject({ currency: "IDR" });
  });
});

describe("supplier text in answers that work", () => {
  it("a long service description is kept whole, with an echoed key masked and invisible characters gone", async () => {
    const description = `Real followers.\u200B Order key ${KEY} never shown. ${"Lorem ipsum dolor sit amet. ".repeat(120)}`;
    const { masked } = await panel({
      catalog: [
        {
          service: 5,
          name: "Instagram Followers [Long]",
          type: "Default",
          category: "Instagram Followers",
          rate: "100",
          min: "10",
          max: "100",
          refill: false,
          cancel: false,
          dripfeed: false,
          description,
        },
      ],
    });
    const [service] = await masked().services();
    expect(service!.description).toBe(description.replace("\u200B", "").replace(KEY, "••••••••"));
    expect(String(service!.description).length).toBeGreaterThan(3000);
  });
});

describe("the simulator reports its currency; USD pricing", () => {
  it("balance and status name the account currency, IDR by default", async () => {
    const { raw } = await panel();
    expect(await raw().balance()).toEqual({ balance: "25000000.00000", currency: "IDR" });
  });

  it("a USD panel says USD, prices its sample catalog in exact USD decimals, and can switch currency", async () => {
    const { sim, raw } = await panel({ currency: "USD" });
    const balance = await raw().balance();
    expect(balance).toEqual({ balance: "1500.00000", currency: "USD" });
    expect(reportedCurrency("smm-v2", balance.currency)).toBe("USD");
    const services = await raw().services();
    const followers = services.find((s) => s.id === 1001)!;
    expect(followers.rate).toMatch(/^\d+\.\d{1,4}$/);
    const placed = await raw().placeOrder({
      reference: "TB3-0",
      providerServiceId: "1001",
      serviceType: "Default",
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    expect(placed.kind).toBe("placed");
    const id = placed.kind === "placed" ? placed.providerOrderId : "";
    expect(
      (await raw().status([{ providerOrderId: id, reference: "TB3-0", providerServiceId: "1001", target: "x" }])).get(
        id,
      ),
    ).toMatchObject({ kind: "status", currency: "USD" });
    sim.setCurrency("eur");
    expect((await raw().balance()).currency).toBe("EUR");
  });

  it("families that never name a currency price in rupiah; a panel that names none leaves it unknown", () => {
    expect(reportedCurrency("digiflazz", undefined)).toBe("IDR");
    expect(reportedCurrency("indo-panel", "")).toBe("IDR");
    expect(reportedCurrency("smm-v2", "")).toBeUndefined();
    expect(reportedCurrency("smm-v2", " usd ")).toBe("USD");
  });
});

describe("masking rules", () => {
  it("masks credentials, derived signatures, URL passwords and key parameters; strips invisible characters; bounds length", () => {
    const credentials = { apiId: "api-id-777", apiKey: "api-key-secret-888" };
    const secrets = secretsOf(credentials);
    const sign = secrets.find((s) => /^[0-9a-f]{32}$/.test(s))!;
    expect(maskSupplierText(`bad sign ${sign} for api-key-secret-888`, secrets)).toBe("bad sign •••••••• for ••••••••");
    expect(maskSupplierText("see https://bob:pw123@panel.example/x?token=abc&lang=id", [])).toBe(
      "see https://panel.example/x?token=••••••••&lang=id",
    );
    expect(maskSupplierText("sal\u200Bdo\u202E kurang\u0007", [])).toBe("saldo kurang");
    expect(maskSupplierText("x".repeat(2000), []).length).toBe(501);
    expect(maskUrl("https://panel.example/api/v2")).toBe("https://panel.example/api/v2");
  });

  it("refuses URLs with credentials and accepts plain ones", () => {
    expect(urlCredentialProblem("https://u:p@panel.example/api/v2", { key: "k1234" })).toMatch(
      /must not hold a user name or password/,
    );
    expect(urlCredentialProblem("https://panel.example/api/v2?k=abcd-k1234", { key: "abcd-k1234" })).toMatch(
      /must not hold a key \(\?k=…\)/,
    );
    expect(urlCredentialProblem("https://panel.example/api/v2?lang=id", { key: "abcd-k1234" })).toBeUndefined();
  });
});
