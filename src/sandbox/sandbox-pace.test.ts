import { describe, expect, it } from "vitest";
import { createSandbox } from "./index.js";
import { expectedOrderSeconds, sandboxPace } from "./sandbox-pace.js";

/** The side panel's "about N s" is what the SMM simulator actually does, at any configured pace. */
async function orderStatusAfter(supplierSeconds: number, elapsedMs: number): Promise<string> {
  let now = 1_700_000_000_000;
  const sandbox = createSandbox({ now: () => now, supplierSeconds });
  const call = async (fields: Record<string, string>) =>
    (await (
      await sandbox.app.request("/smm/api/v2", {
        method: "POST",
        body: new URLSearchParams({ key: sandbox.smm.key, ...fields }),
      })
    ).json()) as Record<string, string | number>;
  const { order } = await call({
    action: "add",
    service: "1002",
    link: "https://instagram.com/budi",
    quantity: "1000",
  });
  now += elapsedMs;
  const status = String((await call({ action: "status", order: String(order) })).status);
  sandbox.close();
  return status;
}

describe("the sandbox's pace", () => {
  it("is a believable 25 s by default, asked every 5 s, and the page says 25–30 s", async () => {
    const pace = sandboxPace();
    expect(pace).toMatchObject({
      supplierMs: 25_000,
      pendingMs: 5_000,
      syncSeconds: 5,
      statusSyncCron: "*/5 * * * * *",
    });
    expect(expectedOrderSeconds(pace)).toEqual({ from: 25, to: 30 });
    const sandbox = createSandbox();
    expect(await (await sandbox.app.request("/")).text()).toContain('const PACE = {"from":25,"to":30}');
    sandbox.close();
    expect(await orderStatusAfter(25, 24_999)).toBe("In progress");
    expect(await orderStatusAfter(25, 25_000)).toBe("Completed");
  });

  it("follows SANDBOX_SUPPLIER_SECONDS, so tests need not wait", async () => {
    expect(expectedOrderSeconds(sandboxPace(2))).toEqual({ from: 2, to: 3 });
    expect(sandboxPace(2).statusSyncCron).toBe("* * * * * *");
    expect(await orderStatusAfter(2, 1_999)).toBe("In progress");
    expect(await orderStatusAfter(2, 2_000)).toBe("Completed");
    expect(expectedOrderSeconds(sandboxPace(120))).toEqual({ from: 120, to: 140 });
  });
});
