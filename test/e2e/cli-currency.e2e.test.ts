import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import type { SimService } from "../../src/sandbox/smm/sample-catalog.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { startSandboxServer } from "../kit/sandbox-server.js";

/**
 * Issue 11, point 1, as an operator lives it: the README's "Going live" step 4 with a panel that
 * prices in USD (and says so in its balance answer), through the real CLI against the sandbox's
 * SMM panel over HTTP. Every check reads what the operator reads.
 */

type StandIns = Awaited<ReturnType<typeof startSandboxServer>>;
interface Run {
  code: number;
  out: string;
  stdout: string;
  stderr: string;
}
type Cli = (...argv: string[]) => Promise<Run>;

const cleanups: Array<() => Promise<void> | void> = [];
const printed: string[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function standInsWith(catalog: SimService[], currency: string): Promise<StandIns> {
  const standIns = await startSandboxServer({ smm: { catalog, currency } });
  cleanups.push(() => standIns.close());
  return standIns;
}

function openShop(standIns: StandIns): Cli {
  const dir = mkdtempSync(join(tmpdir(), "shop-currency-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    ...standIns.env,
    DATABASE_URL: join(dir, "shop.db"),
    DATA_DIR: dir,
    MASTER_KEY: TEST_MASTER_KEY,
    PORT: "0",
    LOG_LEVEL: "debug",
  };
  return async (...argv) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const all: string[] = [];
    const out = {
      log: (l: string) => (all.push(l), stdout.push(l)),
      error: (l: string) => (all.push(l), stderr.push(l)),
    };
    const sink = new Writable({ write: (chunk, _e, done) => (printed.push(String(chunk)), done()) });
    const code = await runCli(argv, out, env, sink);
    printed.push(...all);
    return { code, out: all.join("\n"), stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  };
}

async function must(cli: Cli, ...argv: string[]): Promise<Run> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`"${argv.join(" ")}" exited ${run.code}:\n${run.out}`);
  return run;
}

/** Rows of `catalog list`: MID, NAME, PRICE, COST, STATUS. */
function listRows(out: string) {
  const rupiah = (text: string) => Number(/Rp\s*([\d.]+)/.exec(text)![1]!.replace(/\./g, ""));
  return out
    .split("\n")
    .filter((line) => /^\d+ {2}/.test(line))
    .map((line) => {
      const [mid, name, price, cost, status] = line.split(/ {2,}/);
      return { mid: Number(mid), name: name!, price: rupiah(price!), cost: rupiah(cost!), status: status! };
    });
}

/** rate (decimal string, per 1000) × rupiah per unit (decimal string), exact, rounded up: computed apart from the product. */
function exact(rate: string, rupiahPerUnit: string, marginPercent = 0, step = 1): number {
  const parse = (t: string) => {
    const [w, f = ""] = t.split(".");
    return { units: BigInt(`${w}${f}`), scale: f.length };
  };
  const a = parse(rate);
  const b = parse(rupiahPerUnit);
  const denominator = 10n ** BigInt(a.scale + b.scale) * 100n;
  const numerator = a.units * b.units * BigInt(100 + marginPercent);
  const rupiah = (numerator + denominator - 1n) / denominator;
  return Number(((rupiah + BigInt(step) - 1n) / BigInt(step)) * BigInt(step));
}

const row = (service: number, name: string, rate: string): SimService => ({
  service,
  name,
  type: "Default",
  category: "Instagram Followers",
  rate,
  min: "100",
  max: "10000",
  refill: false,
  cancel: false,
  dripfeed: false,
});

describe("Going live step 4 with a panel that prices in USD (no currency flags)", () => {
  // About Rp 30,000 per 1000 at today's rate: imported as rupiah it would sell for Rp 100.
  const catalog = [
    row(1, "Instagram Followers [JAP USD]", "1.85"),
    row(2, "Instagram Followers [cheap USD]", "0.0123"),
  ];
  let standIns: StandIns;
  let cli: Cli;

  beforeAll(async () => {
    standIns = await standInsWith(catalog, "USD");
    cli = openShop(standIns);
  });

  it("provider add takes the currency the panel reports and says nothing is sold until it has a rate", async () => {
    const added = await cli(
      "provider",
      "add",
      "--name",
      "JAP",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      standIns.sandbox.smm.key,
    );
    expect(added.code, added.out).toBe(0);
    expect(added.stdout).toContain("Currency: USD, as the supplier reports.");
    expect(added.stderr).toBe(
      "NOT SOLD YET — JAP prices in USD and has no rate to rupiah: nothing of it is imported or sold until it has one. Fix: npm run cli -- provider edit JAP --rate <rupiah per 1 USD> (for example --rate 16250), or set the rate in the admin app.",
    );
    expect((await must(cli, "provider", "list")).out).toMatch(
      /^JAP\s.*\sUSD \(no rate\) NOT SOLD: set --rate\s+yes\s+never$/m,
    );
  });

  it("provider test reaches the panel but exits 1 with the fix", async () => {
    const test = await cli("provider", "test", "JAP");
    expect(test.code).toBe(1);
    expect(test.stdout).toMatch(/^JAP: OK — balance 1500\.00000 USD, latency \d+ ms$/);
    expect(test.stderr).toContain("JAP: NOT SOLD — JAP prices in USD and has no rate to rupiah");
  });

  it("catalog import refuses to price anything in rupiah until the rate is set", async () => {
    const imported = await cli("catalog", "import", "JAP");
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain("Error: JAP prices in USD and has no rate to rupiah");
    expect(imported.stderr).toContain("provider edit JAP --rate <rupiah per 1 USD>");
    expect((await must(cli, "catalog", "list", "--all")).out).toBe("No services match.");
    expect((await must(cli, "catalog", "search", "followers instagram")).out).toContain("No matching services");
  });

  it("with --rate 16250.5 the import prices exactly: rupiah rounded up, never below cost", async () => {
    const edited = await cli("provider", "edit", "JAP", "--rate", "16250.5");
    expect(edited.code, edited.out).toBe(0);
    expect((await must(cli, "provider", "list")).out).toMatch(/^JAP\s.*\sUSD \(×16250\.5\)\s+yes\s/m);
    const imported = await must(cli, "catalog", "import", "JAP");
    expect(imported.out).toMatch(/imported:\s+2\n/);
    const rows = listRows((await must(cli, "catalog", "list")).out);
    // 1.85 × 16250.5 = 30063.425 → Rp 30.064; 0.0123 × 16250.5 = 199.88115 → Rp 200.
    expect(rows.map((r) => [r.name, r.cost, r.price])).toEqual([
      ["Instagram Followers [JAP USD]", 30_064, exact("1.85", "16250.5", 30, 100)],
      ["Instagram Followers [cheap USD]", 200, exact("0.0123", "16250.5", 30, 100)],
    ]);
    expect(rows[0]!.cost).toBe(exact("1.85", "16250.5"));
    expect(rows[1]!.cost).toBe(exact("0.0123", "16250.5"));
    for (const r of rows) expect(r.price).toBeGreaterThan(r.cost);
    expect((await must(cli, "catalog", "search", "followers instagram")).out).toMatch(/2 of 2 matching services shown/);
  });

  it("an explicit --currency that the panel contradicts is refused, and nothing is stored", async () => {
    const added = await cli(
      "provider",
      "add",
      "--name",
      "Wrong",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      standIns.sandbox.smm.key,
      "--currency",
      "IDR",
    );
    expect(added.code).toBe(1);
    expect(added.stderr).toBe(
      "Error: Wrong reports its prices in USD, not IDR: add it with --currency USD --rate <rupiah per 1 USD>, or leave out --currency to take what it reports",
    );
    expect((await must(cli, "provider", "list")).out).not.toContain("Wrong");
  });
});

describe("a panel that switches to USD after its catalog was imported in rupiah", () => {
  const catalog = [
    row(11, "Instagram Followers [Switch A]", "12000.00"),
    row(12, "Instagram Followers [Switch B]", "9000.00"),
  ];
  let standIns: StandIns;
  let cli: Cli;

  beforeAll(async () => {
    standIns = await standInsWith(catalog, "IDR");
    cli = openShop(standIns);
    await must(
      cli,
      "provider",
      "add",
      "--name",
      "Panel",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      standIns.sandbox.smm.key,
    );
    await must(cli, "catalog", "import", "Panel");
  });

  it("catalog sync sees the mismatch: prices are not updated and nothing of the panel is sold", async () => {
    const before = listRows((await must(cli, "catalog", "list")).out);
    expect(before.map((r) => r.status)).toEqual(["sold", "sold"]);
    standIns.sandbox.smm.setCurrency("USD");
    catalog[0]!.rate = "0.74";
    catalog[1]!.rate = "0.60";

    const sync = await cli("catalog", "sync", "Panel");
    expect(sync.code).toBe(1);
    expect(sync.stderr).toBe(
      "Error: Panel reports its prices in USD, but it is set up as IDR: nothing of it is imported or sold until this is fixed. Fix: npm run cli -- provider edit Panel --currency USD --rate <rupiah per 1 USD> (or set its currency and rate in the admin app), then import its catalog again.",
    );
    const held = listRows((await must(cli, "catalog", "list", "--all")).out);
    expect(held.map((r) => [r.price, r.cost])).toEqual(before.map((r) => [r.price, r.cost]));
    expect(new Set(held.map((r) => r.status))).toEqual(new Set(["off: supplier currency to fix (provider list)"]));
    expect((await must(cli, "catalog", "list")).out).toBe("No services match.");
    expect((await must(cli, "catalog", "search", "followers instagram")).out).toContain("No matching services");
    expect((await must(cli, "provider", "list")).out).toMatch(/^Panel\s.*\sIDR NOT SOLD: supplier says USD\s+yes\s/m);
  });

  it("provider test says the same, with exit code 1", async () => {
    const test = await cli("provider", "test", "Panel");
    expect(test.code).toBe(1);
    expect(test.stderr).toContain("Panel: NOT SOLD — Panel reports its prices in USD, but it is set up as IDR");
  });

  it("setting the currency and rate is not enough to sell old rupiah prices: the next import reprices and restores", async () => {
    const edited = await cli("provider", "edit", "Panel", "--currency", "USD", "--rate", "16250");
    expect(edited.code, edited.out).toBe(0);
    expect(edited.stderr).toContain(
      "NOT SOLD — Panel's currency now checks out, but its services were priced under the old setting",
    );
    expect((await must(cli, "catalog", "list")).out).toBe("No services match.");

    const sync = await must(cli, "catalog", "sync", "Panel");
    expect(sync.out).toMatch(/repriced:\s+2\n/);
    const rows = listRows((await must(cli, "catalog", "list")).out);
    expect(rows.map((r) => [r.cost, r.price, r.status])).toEqual([
      [exact("0.74", "16250"), exact("0.74", "16250", 30, 100), "sold"],
      [exact("0.60", "16250"), exact("0.60", "16250", 30, 100), "sold"],
    ]);
    expect((await must(cli, "provider", "list")).out).toMatch(/^Panel\s.*\sUSD \(×16250\)\s+yes\s/m);
  });
});

describe("a panel that cannot be asked when it is added", () => {
  it("is held as unverified, then takes the currency it reports on its first answer", async () => {
    const standIns = await standInsWith([row(31, "Instagram Followers [Later]", "0.50")], "USD");
    const cli = openShop(standIns);
    standIns.sandbox.smm.setFault("balance", "http500", 1);
    const added = await cli(
      "provider",
      "add",
      "--name",
      "Later",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      standIns.sandbox.smm.key,
    );
    expect(added.code, added.out).toBe(0);
    expect(added.stdout).toContain("Currency: IDR for now: the supplier could not be asked.");
    expect(added.stderr).toContain("NOT SOLD YET — TokoBot could not ask Later which currency it prices in");
    expect((await cli("catalog", "import", "Later")).code).toBe(1);
    expect((await must(cli, "catalog", "list", "--all")).out).toBe("No services match.");

    const test = await cli("provider", "test", "Later");
    expect(test.code).toBe(1);
    expect(test.stderr).toContain("Later: NOT SOLD — Later prices in USD and has no rate to rupiah");
    expect((await must(cli, "provider", "list")).out).toMatch(/^Later\s.*\sUSD \(no rate\) NOT SOLD: set --rate\s/m);
    await must(cli, "provider", "edit", "Later", "--rate", "16000");
    await must(cli, "catalog", "import", "Later");
    expect(listRows((await must(cli, "catalog", "list")).out)[0]).toMatchObject({
      cost: 8_000,
      price: exact("0.50", "16000", 30, 100),
      status: "sold",
    });
  });
});

describe("supplier URLs never hold credentials", () => {
  let standIns: StandIns;
  let cli: Cli;
  beforeAll(async () => {
    standIns = await standInsWith([row(21, "Instagram Followers [URL]", "100")], "IDR");
    cli = openShop(standIns);
  });

  it("refuses user:password@ and a key in the query string, naming the fix, and stores nothing", async () => {
    const key = standIns.sandbox.smm.key;
    const withUser = standIns.smmUrl.replace("http://", "http://admin:hunter22@");
    const cases = [
      { url: withUser, message: "the supplier URL must not hold a user name or password (user:pass@…)" },
      { url: `${standIns.smmUrl}?key=${key}`, message: "the supplier URL must not hold a key (?key=…)" },
      { url: `${standIns.smmUrl}?token=${key}`, message: "the supplier URL must not hold a key (?token=…)" },
    ];
    for (const { url, message } of cases) {
      const added = await cli("provider", "add", "--name", "Leaky", "--kind", "smm-v2", "--url", url, "--key", key);
      expect(added.code, url).toBe(1);
      expect(added.stderr).toContain(message);
      expect(added.stderr).toContain("give the address alone (for example http://127.0.0.1:");
      expect(added.stderr).not.toContain(key);
      expect(added.stderr).not.toContain("hunter22");
    }
    expect((await must(cli, "provider", "list")).out).toContain("No suppliers yet");

    await must(cli, "provider", "add", "--name", "Clean", "--kind", "smm-v2", "--url", standIns.smmUrl, "--key", key);
    const edit = await cli("provider", "edit", "Clean", "--url", `${standIns.smmUrl}?api_key=${key}`);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toContain("the supplier URL must not hold a key (?api_key=…)");
    expect(printed.join("\n")).not.toContain(key);
  });
});
