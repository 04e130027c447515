import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { ORDER_MOVES, ORDER_STATUSES, allowedTransitions, moveMayEndIn, type OrderMove } from "./orders.lifecycle.js";
import { DOC_BEGIN, DOC_END, renderMiniappStatuses, renderOrderStatesDoc } from "./orders.lifecycle.render.js";

/**
 * The order lifecycle (orders.lifecycle.ts) is the one place the statuses and their moves are
 * written: its copies (the architecture doc, the Mini App's list) match it, no source file writes
 * its own status list or from-states, and a move outside the diagram writes nothing.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the order lifecycle's copies", () => {
  it("docs/ARCHITECTURE.md's order states are the module's diagram and moves", () => {
    const doc = read("docs/ARCHITECTURE.md");
    const section = doc.slice(doc.indexOf(DOC_BEGIN), doc.indexOf(DOC_END) + DOC_END.length);
    expect(section, "run `npx tsx scripts/order-lifecycle.ts`").toBe(renderOrderStatesDoc());
    for (const [from, targets] of Object.entries(allowedTransitions()))
      expect(section).toContain(`${from.padEnd(16)} → ${targets.length > 0 ? targets.join(", ") : "(final)"}`);
  });

  it("the Mini App's runtime list is the server's", () => {
    const generated = read("miniapp/src/screens/order-statuses.generated.ts");
    expect(generated, "run `npx tsx scripts/order-lifecycle.ts`").toBe(renderMiniappStatuses());
    // Read as the app's bundle does (the app's module resolution is not the server's, so no import here).
    const list = /ORDER_STATUSES = \[(.*)\] as const/.exec(generated)![1]!;
    expect(JSON.parse(`[${list}]`)).toEqual([...ORDER_STATUSES]);
  });

  it("no other source file writes the status list or chooses its own from-states", () => {
    const files = [...sourceFiles("src"), ...sourceFiles("miniapp/src")].filter((f) => !f.endsWith(".test.ts"));
    const own = ["src/features/orders/orders.lifecycle.ts", "miniapp/src/screens/order-statuses.generated.ts"];
    const listed = files.filter((f) => !own.includes(f) && /"awaiting_payment",\s*"paid",\s*"placing"/.test(read(f)));
    expect(listed).toEqual([]);
    expect(files.filter((f) => /\.transition\(/.test(read(f)))).toEqual([]);
  });
});

describe("the diagram", () => {
  it("reaches every status from awaiting_payment and names only known statuses", () => {
    const graph = allowedTransitions();
    const seen = new Set<string>(["awaiting_payment"]);
    for (let grew = true; grew;) {
      grew = false;
      for (const from of [...seen])
        for (const to of graph[from as keyof typeof graph]) if (!seen.has(to)) grew = seen.add(to) !== undefined;
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
    for (const move of Object.values(ORDER_MOVES))
      for (const s of [...move.from, ...(move.to === "same" ? [] : move.to)]) expect(ORDER_STATUSES).toContain(s);
  });

  it("includes the supplier-out-of-funds wait and a manual order's progress", () => {
    expect(allowedTransitions()).toMatchObject({
      placing: expect.arrayContaining(["waiting_funds"]),
      waiting_funds: ["paid", "refunded"],
      manual: expect.arrayContaining(["processing", "completed", "partial", "canceled", "refunded"]),
    });
    expect(ORDER_MOVES.manualProgress).toMatchObject({ from: ["manual", "processing"], to: ["processing"] });
  });

  it("lets a move end only in its own targets", () => {
    expect(moveMayEndIn("expire", "expired")).toBe(true);
    expect(moveMayEndIn("expire", "paid")).toBe(false);
    expect(moveMayEndIn("expire", undefined)).toBe(false);
    expect(moveMayEndIn("flagStuck", undefined)).toBe(true);
    expect(moveMayEndIn("flagStuck", "completed")).toBe(false);
  });
});

describe("orders.move on the real database", () => {
  let kit: ShopKit | undefined;
  afterEach(async () => {
    await kit?.close();
    kit = undefined;
  });

  async function awaitingOrder() {
    kit = await createShopKit();
    await buyUntilInvoice(kit, { mid: 2, target: "https://instagram.com/budi", quantity: 1000 });
    const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(order.status).toBe("awaiting_payment");
    return { kit, order };
  }

  it("refuses a target outside the move, and a move from a state it does not start in, writing nothing", async () => {
    const { kit, order } = await awaitingOrder();
    const { orders } = kit.container;
    const statusOf = async () => (await orders.findById(order.id))!;
    const outside = { status: "completed", finished_at: 1 } as unknown as { status: "expired"; finished_at: number };
    expect(await kit.db.transaction().execute((trx) => orders.move(trx, order.id, "expire", outside))).toBe(false);
    const forgedSame = { status: "completed" } as unknown as Record<string, never>;
    expect(
      await kit.db.transaction().execute((trx) => orders.move(trx, order.id, "flagStuck" as OrderMove, forgedSame)),
    ).toBe(false);
    expect(
      await kit.db
        .transaction()
        .execute((trx) => orders.move(trx, order.id, "supplierFinished", { status: "completed" })),
    ).toBe(false);
    expect(await statusOf()).toMatchObject({ status: "awaiting_payment", finished_at: null });

    expect(
      await kit.db
        .transaction()
        .execute((trx) => orders.move(trx, order.id, "expire", { status: "expired", finished_at: 1 })),
    ).toBe(true);
    expect((await statusOf()).status).toBe("expired");
    expect(
      await kit.db
        .transaction()
        .execute((trx) => orders.move(trx, order.id, "expire", { status: "expired", finished_at: 2 })),
      "a second writer loses",
    ).toBe(false);
    expect((await statusOf()).finished_at).toBe(1);
  });

  it("is typed by the diagram: a move names only its own targets", () => {
    type Move = ShopKit["container"]["orders"]["move"];
    const typeOnly = (move: Move) => {
      // @ts-expect-error expire never ends in paid
      void move(null!, 1, "expire", { status: "paid" });
      // @ts-expect-error a move that keeps the status writes none
      void move(null!, 1, "flagStuck", { status: "processing" });
      void move(null!, 1, "supplierFinished", { status: "partial", remains: 3 });
    };
    expect(typeof typeOnly).toBe("function");
  });
});
