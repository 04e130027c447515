import { rulesBrain } from "../src/sandbox-brain.js";
import { startOpenAiStandIn } from "../test/kit/openai-stand-in.js";
import { createShopKit, type ShopKit } from "../test/kit/shop-kit.js";
import type { BenchRow } from "./measure.js";

type Turn = "words" | "number" | "button";
type Step = { say: string; turn: Exclude<Turn, "button"> } | { press: RegExp; turn: "button" };

const pickFirst: Step = { press: /^pick:/, turn: "button" };
const payWithQris: Step = { press: /^pay:/, turn: "button" };

/**
 * Scripted purchases, each to a paid order at the supplier: how customers write (slang, typos,
 * English, several slots at once, a game top-up, a request the rules leave to the LLM), then
 * the numbers and buttons that finish a purchase.
 */
const SCRIPTS: Array<{ name: string; steps: Step[] }> = [
  {
    name: "slang, step by step",
    steps: [
      { say: "kak mau nambah foloers ig dong", turn: "words" },
      pickFirst,
      { say: "https://instagram.com/bench_one", turn: "words" },
      { say: "1000", turn: "number" },
      payWithQris,
    ],
  },
  {
    name: "English, all slots at once",
    steps: [
      { say: "i need 500 youtube subscribers for my channel https://youtube.com/@benchchannel", turn: "words" },
      pickFirst,
      payWithQris,
    ],
  },
  {
    name: "game top-up with account",
    steps: [{ say: "top up diamon ml 86 id 12345678 (1234)", turn: "words" }, pickFirst, payWithQris],
  },
  {
    name: "left to the LLM",
    steps: [
      { say: "kalau mau nambah followers ig yang real buat jualan, ada?", turn: "words" },
      pickFirst,
      { say: "@bench_four", turn: "words" },
      { say: "2rb", turn: "number" },
      payWithQris,
    ],
  },
  {
    name: "pick by number",
    steps: [
      { say: "tiktok views murah", turn: "words" },
      { say: "__FIRST_PICK__", turn: "number" },
      { say: "https://www.tiktok.com/@bench/video/7312345678901234567 10k", turn: "words" },
      payWithQris,
    ],
  },
];

/**
 * P11, per completed purchase: the real bot with an LLM configured (the OpenAI stand-in on
 * loopback, answering as the rules would), counting chat-completion calls for each kind of
 * customer turn. Goal: at most one call per message that needs understanding, none for numbers
 * and buttons; every script ends with a paid order placed at the supplier.
 */
export async function benchPurchaseLlm(): Promise<BenchRow[]> {
  const standIn = await startOpenAiStandIn({ brain: rulesBrain, timeoutMs: 5_000 });
  const kit = await createShopKit({ env: standIn.env });
  try {
    await kit.addTopupSupplier("vip-reseller");
    await kit.container.knowledge.sync();
    const turns: Record<Turn, { count: number; calls: number; worst: number }> = {
      words: zero(),
      number: zero(),
      button: zero(),
    };
    let placed = 0;
    for (const [i, script] of SCRIPTS.entries()) {
      const customer = kit.customer(800_001 + i);
      for (const step of script.steps) {
        const before = standIn.sim.chatRequests().length;
        if (step.turn === "button") await customer.pressButton((step as { press: RegExp }).press);
        else await customer.say(sayText(customer, (step as { say: string }).say));
        const calls = standIn.sim.chatRequests().length - before;
        const tally = turns[step.turn];
        tally.count++;
        tally.calls += calls;
        tally.worst = Math.max(tally.worst, calls);
      }
      if (await paidAndPlaced(kit)) placed++;
    }
    const allCalls = turns.words.calls + turns.number.calls + turns.button.calls;
    return [
      {
        metric: `purchases completed (paid, placed at the supplier) of ${SCRIPTS.length} scripts`,
        value: String(placed),
        goal: `${SCRIPTS.length}`,
        ok: placed === SCRIPTS.length,
      },
      {
        metric: "LLM calls per completed purchase",
        value: placed === 0 ? "-" : (allCalls / placed).toFixed(2),
        goal: "informational",
        ok: undefined,
      },
      {
        metric: `most LLM calls for one worded message (${turns.words.count} messages, ${turns.words.calls} calls)`,
        value: String(turns.words.worst),
        goal: "≤ 1",
        ok: turns.words.worst <= 1,
      },
      {
        metric: `LLM calls for numbers (${turns.number.count}) and buttons (${turns.button.count})`,
        value: String(turns.number.calls + turns.button.calls),
        goal: "0",
        ok: turns.number.calls + turns.button.calls === 0,
      },
    ];
  } finally {
    await kit.close();
    await standIn.close();
  }
}

function zero() {
  return { count: 0, calls: 0, worst: 0 };
}

/** "__FIRST_PICK__" is the shop number of the first product the bot listed: the customer types it. */
function sayText(customer: ReturnType<ShopKit["customer"]>, text: string): string {
  if (text !== "__FIRST_PICK__") return text;
  const list = [...customer.botMessages()]
    .reverse()
    .find((m) => m.buttons.flat().some((b) => b.callback_data?.startsWith("pick:")));
  return list!.buttons
    .flat()
    .find((b) => b.callback_data?.startsWith("pick:"))!
    .callback_data!.split(":")[1]!;
}

/** Pays the newest QRIS invoice at the gateway stand-in and runs the jobs; true when an order is at the supplier. */
async function paidAndPlaced(kit: ShopKit): Promise<boolean> {
  const transaction = kit.latestTransaction();
  await kit.sandbox.midtrans.pay(transaction.order_id);
  await kit.runJobs();
  const payment = await kit.db
    .selectFrom("payments")
    .select("order_id")
    .where("reference", "=", transaction.order_id)
    .executeTakeFirst();
  if (!payment?.order_id) return false;
  const order = await kit.db
    .selectFrom("orders")
    .select(["status", "provider_order_id"])
    .where("id", "=", payment.order_id)
    .executeTakeFirstOrThrow();
  return order.provider_order_id !== null && ["processing", "completed"].includes(order.status);
}
