import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { sampleDigiflazzPriceList } from "../../src/sandbox/digiflazz/digiflazz-simulator.js";
import { generateSampleCatalog, type SimService } from "../../src/sandbox/smm/sample-catalog.js";
import { vipSampleCatalog } from "../../src/sandbox/vip-reseller/vip-reseller-simulator.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { startSandboxServer } from "../kit/sandbox-server.js";

/**
 * The operator CLI end to end, exactly as `npm run cli -- …` runs it: the documented environment,
 * a database file in a temp dir, and the sandbox's supplier stand-ins on their own port. Every
 * check reads what the operator reads (exit code and printed lines); nothing reaches into the
 * product's internals.
 */

type StandIns = Awaited<ReturnType<typeof startSandboxServer>>;
type Cli = (...argv: string[]) => Promise<Run>;

interface Run {
  code: number;
  /** Everything printed, stdout and stderr in order. */
  out: string;
  stdout: string;
  stderr: string;
}

/** Every line the CLI printed and everything it logged, across the whole file (checked for secrets last). */
const printed: string[] = [];
const logged: string[] = [];
/** Every credential value handed to the CLI in this file. */
const secretsPassed = new Set<string>();
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function startStandIns(options?: Parameters<typeof startSandboxServer>[0]): Promise<StandIns> {
  const standIns = await startSandboxServer(options);
  cleanups.push(() => standIns.close());
  return standIns;
}

/** A fresh shop (its own database file) operated through the CLI. */
function openShop(standIns: StandIns): Cli {
  const dir = mkdtempSync(join(tmpdir(), "shop-cli-"));
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
    const all: string[] = [];
    const stdout: string[] = [];
    const stderr: string[] = [];
    const out = {
      log: (line: string) => (all.push(line), stdout.push(line)),
      error: (line: string) => (all.push(line), stderr.push(line)),
    };
    const sink = new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) });
    const code = await runCli(argv, out, env, sink);
    printed.push(...all);
    return { code, out: all.join("\n"), stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  };
}

/** Runs a command that must succeed (set-up steps), with its output in the failure message. */
async function must(cli: Cli, ...argv: string[]): Promise<Run> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`"${argv.join(" ")}" exited ${run.code}:\n${run.out}`);
  return run;
}

/** A value the operator types as a credential: remembered so the secrets check can look for it. */
function secret(value: string): string {
  secretsPassed.add(value);
  return value;
}

/** "Rp 25.800/1000 (fixed)" → 25800 (Intl renders a non-breaking space after "Rp"). */
function rupiah(text: string): number {
  const match = /Rp\s*([\d.]+)/.exec(text);
  if (!match) throw new Error(`no rupiah amount in "${text}"`);
  return Number(match[1]!.replace(/\./g, ""));
}

interface ListRow {
  mid: number;
  name: string;
  price: number;
  per: string;
  fixed: boolean;
  cost: number;
  status: string;
}

/** The rows of `catalog list` (columns: MID, NAME, PRICE, COST, STATUS; two spaces or more between). */
function listRows(out: string): ListRow[] {
  return out
    .split("\n")
    .filter((line) => /^\d+ {2}/.test(line))
    .map((line) => {
      const [mid, name, price, cost, status] = line.split(/ {2,}/);
      return {
        mid: Number(mid),
        name: name!,
        price: rupiah(price!),
        per: /\/(\w+)/.exec(price!)![1]!,
        fixed: price!.endsWith("(fixed)"),
        cost: rupiah(cost!),
        status: status!,
      };
    });
}

function rowNamed(rows: ListRow[], name: string): ListRow {
  const matches = rows.filter((r) => r.name === name);
  if (matches.length !== 1) throw new Error(`expected one row named "${name}", found ${matches.length}`);
  return matches[0]!;
}

/** MIDs shown by `catalog search`, in order, and the total it reports. */
function searchResult(out: string): { mids: number[]; total: number } {
  const mids = out
    .split("\n")
    .filter((line) => /^\d+ {2}/.test(line))
    .map((line) => Number(line.split(/ +/)[0]));
  const total = /(\d+) of (\d+) matching services shown/.exec(out);
  return { mids, total: total ? Number(total[2]) : 0 };
}

/** Rows of `catalog backup MID`: position, backup MID, supplier, the "SUPPLIER SERVICE" column and status. */
function backupRows(
  out: string,
): Array<{ position: number; mid: number; supplier: string; service: string; status: string }> {
  return out
    .split("\n")
    .filter((line) => /^\d+ {2}\d+ {2}/.test(line))
    .map((line) => {
      const [position, mid, supplier, service, , status] = line.split(/ {2,}/);
      return { position: Number(position), mid: Number(mid), supplier: supplier!, service: service!, status: status! };
    });
}

/**
 * The sell price an operator expects: supplier rate × (100 + margin)% rounded up to whole rupiah,
 * then up to the shop's Rp 100 step. Computed independently of the product, in bigints.
 */
function sellPrice(rate: string, marginPercent: number): number {
  const [whole, fraction = ""] = rate.split(".");
  const denominator = 10n ** BigInt(fraction.length) * 100n;
  const exact = BigInt(`${whole}${fraction}`) * BigInt(100 + marginPercent);
  const rounded = (exact + denominator - 1n) / denominator;
  return Number(((rounded + 99n) / 100n) * 100n);
}

function costOf(rate: string): number {
  const [whole, fraction = ""] = rate.split(".");
  const denominator = 10n ** BigInt(fraction.length);
  return Number((BigInt(`${whole}${fraction}`) + denominator - 1n) / denominator);
}

const SMM_SAMPLE = generateSampleCatalog();
function smmRate(name: string): string {
  const row = SMM_SAMPLE.find((s) => s.name === name);
  if (!row) throw new Error(`no sample service named "${name}"`);
  return row.rate;
}

const DEFAULT_MARGIN = 30;
const SMM_ROWS = SMM_SAMPLE.length;
const JUNK_REASONS = [
  "row 313 (service 9001): name is empty",
  "row 314 (service 9002): min 5000 is greater than max 100",
  "rate is not a positive number",
  'row 316 (service 9004): min is not a positive whole number (got "abc")',
  "row 317: service id is missing",
  "row 318 (service 1001): service id 1001 already appeared in row 1",
];

describe("setting up suppliers: provider add, test, list, edit, disable", () => {
  let standIns: StandIns;
  let cli: Cli;
  let suppliers: Array<{ name: string; kind: string; url: string; flags: string[]; balance: () => number }>;

  beforeAll(async () => {
    standIns = await startStandIns();
    cli = openShop(standIns);
    const { sandbox, url } = standIns;
    const central = sandbox.indoPanels.centralsmm;
    const medan = sandbox.indoPanels.medanpedia;
    const irvan = sandbox.indoPanels.irvankede;
    suppliers = [
      {
        name: "JAP",
        kind: "smm-v2",
        url: standIns.smmUrl,
        flags: ["--key", secret(sandbox.smm.key)],
        balance: () => sandbox.smm.balance(),
      },
      {
        name: "CentralSMM",
        kind: "indo-panel",
        url: `${url}/indo/centralsmm`,
        flags: [
          "--panel",
          "centralsmm",
          "--api-id",
          secret(central.credentials.apiId),
          "--key",
          secret(central.credentials.apiKey),
          "--secret",
          secret(central.credentials.secretKey!),
        ],
        balance: () => central.balance(),
      },
      {
        name: "MedanPedia",
        kind: "indo-panel",
        url: `${url}/indo/medanpedia`,
        flags: [
          "--panel",
          "medanpedia",
          "--api-id",
          secret(medan.credentials.apiId),
          "--key",
          secret(medan.credentials.apiKey),
        ],
        balance: () => medan.balance(),
      },
      {
        name: "Irvankede",
        kind: "indo-panel",
        url: `${url}/indo/irvankede`,
        flags: [
          "--panel",
          "irvankede",
          "--api-id",
          secret(irvan.credentials.apiId),
          "--key",
          secret(irvan.credentials.apiKey),
        ],
        balance: () => irvan.balance(),
      },
      {
        name: "VIP Reseller",
        kind: "vip-reseller",
        url: `${url}/vip/api`,
        flags: ["--api-id", secret(sandbox.credentials.vip.apiId), "--key", secret(sandbox.credentials.vip.apiKey)],
        balance: () => sandbox.vip.balance(),
      },
      {
        name: "Digiflazz",
        kind: "digiflazz",
        url: `${url}/digiflazz/v1`,
        flags: [
          "--username",
          secret(sandbox.credentials.digiflazz.username),
          "--key",
          secret(sandbox.credentials.digiflazz.apiKey),
          "--secret",
          secret(sandbox.credentials.digiflazz.webhookSecret),
        ],
        balance: () => sandbox.digiflazz.balance(),
      },
    ];
  });

  const supplierRows = async () => (await must(cli, "provider", "list")).out.split("\n").slice(1);

  it("adds a supplier of every kind, each with the credential flags its kind needs", async () => {
    for (const s of suppliers) {
      const added = await cli("provider", "add", "--name", s.name, "--kind", s.kind, "--url", s.url, ...s.flags);
      expect(added.code, added.out).toBe(0);
      expect(added.stdout).toContain(`Added supplier "${s.name}" (${s.kind}, ${s.url}); credentials stored encrypted.`);
      expect(added.stdout).toContain(s.name.includes(" ") ? `provider test "${s.name}"` : `provider test ${s.name}`);
    }
    const rows = await supplierRows();
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.startsWith("JAP "))).toMatch(/JAP\s+smm-v2\s/);
    expect(rows.find((r) => r.startsWith("CentralSMM "))).toMatch(/indo-panel\/centralsmm\s/);
    expect(rows.find((r) => r.startsWith("MedanPedia "))).toMatch(/indo-panel\/medanpedia\s/);
    expect(rows.find((r) => r.startsWith("Irvankede "))).toMatch(/indo-panel\/irvankede\s/);
    expect(rows.find((r) => r.startsWith("VIP Reseller "))).toMatch(/vip-reseller\s/);
    expect(rows.find((r) => r.startsWith("Digiflazz "))).toMatch(/digiflazz\s/);
    for (const row of rows) expect(row).toMatch(/\sIDR\s+yes\s+never$/);
  });

  it("provider test reaches every supplier with the stored credentials and prints its balance and latency", async () => {
    for (const s of suppliers) {
      const test = await cli("provider", "test", s.name);
      expect(test.code, test.out).toBe(0);
      const match = new RegExp(`^${s.name}: OK — balance ([\\d.]+) IDR, latency (\\d+) ms$`).exec(test.stdout);
      expect(match, test.out).not.toBeNull();
      expect(Number(match![1])).toBe(s.balance());
    }
    for (const row of await supplierRows()) expect(row).toMatch(/\sok \d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it("catalog import imports every supplier's list with counts; the SMM panels report each junk row with its reason", async () => {
    for (const s of suppliers.slice(0, 4)) {
      const imported = await cli("catalog", "import", s.name);
      expect(imported.code, imported.out).toBe(0);
      expect(imported.out).toMatch(new RegExp(`Imported from ${s.name}: ${SMM_ROWS + 6} rows received in \\d+ ms`));
      expect(imported.out).toMatch(new RegExp(`imported:\\s+${SMM_ROWS}\\n`));
      expect(imported.out).toMatch(/skipped:\s+6\n/);
      for (const reason of JUNK_REASONS) expect(imported.out).toContain(reason);
    }
    const topUps = [
      { name: "VIP Reseller", rows: vipSampleCatalog().length },
      { name: "Digiflazz", rows: sampleDigiflazzPriceList().length },
    ];
    for (const { name, rows } of topUps) {
      const imported = await cli("catalog", "import", name);
      expect(imported.code, imported.out).toBe(0);
      expect(imported.out).toMatch(new RegExp(`Imported from ${name}: ${rows} rows received`));
      expect(imported.out).toMatch(new RegExp(`imported:\\s+${rows}\\n`));
      expect(imported.out).toMatch(/skipped:\s+0$/);
      expect(imported.out).not.toMatch(/^\s+row \d+/m);
    }
    // Shop numbers run on across suppliers: the catalog now holds every imported row.
    const all = listRows((await must(cli, "catalog", "list", "--all")).out);
    expect(all).toHaveLength(4 * SMM_ROWS + vipSampleCatalog().length + sampleDigiflazzPriceList().length);
    expect(new Set(all.map((r) => r.mid)).size).toBe(all.length);
  });

  it("refuses a supplier with missing or wrong fields, says which, and stores nothing", async () => {
    const { url, smmUrl } = { url: standIns.url, smmUrl: standIns.smmUrl };
    const refused: Array<{ why: string; argv: string[]; code: number; message: RegExp }> = [
      {
        why: "indo-panel without --panel",
        argv: [
          "--kind",
          "indo-panel",
          "--url",
          `${url}/indo/medanpedia`,
          "--api-id",
          "123",
          "--key",
          secret("refused-key-1"),
        ],
        code: 1,
        message: /indo-panel suppliers need a panel: centralsmm, medanpedia, irvankede/,
      },
      {
        why: "CentralSMM without --secret",
        argv: [
          "--kind",
          "indo-panel",
          "--panel",
          "centralsmm",
          "--url",
          `${url}/indo/centralsmm`,
          "--api-id",
          "123",
          "--key",
          secret("refused-key-2"),
        ],
        code: 1,
        message: /--secret is required for indo-panel \(centralsmm\)/,
      },
      {
        why: "a panel that does not exist",
        argv: [
          "--kind",
          "indo-panel",
          "--panel",
          "nopanel",
          "--url",
          `${url}/indo/x`,
          "--api-id",
          "123",
          "--key",
          secret("refused-key-3"),
        ],
        code: 1,
        message: /panel must be one of: centralsmm, medanpedia, irvankede/,
      },
      {
        why: "digiflazz without --username",
        argv: [
          "--kind",
          "digiflazz",
          "--url",
          `${url}/digiflazz/v1`,
          "--key",
          secret("refused-key-4"),
          "--secret",
          secret("refused-webhook-4"),
        ],
        code: 1,
        message: /--username is required for digiflazz/,
      },
      {
        why: "vip-reseller without --api-id",
        argv: ["--kind", "vip-reseller", "--url", `${url}/vip/api`, "--key", secret("refused-key-5")],
        code: 1,
        message: /--api-id is required for vip-reseller/,
      },
      {
        why: "smm-v2 without --key",
        argv: ["--kind", "smm-v2", "--url", smmUrl],
        code: 1,
        message: /key is required for smm-v2/,
      },
      {
        why: "a USD supplier without --rate",
        argv: ["--kind", "smm-v2", "--url", smmUrl, "--key", secret("refused-key-6"), "--currency", "USD"],
        code: 1,
        message: /a USD supplier needs its rate to IDR \(for example 16250\)/,
      },
      {
        why: "an unknown --kind",
        argv: ["--kind", "smm-v3", "--url", smmUrl, "--key", secret("refused-key-7")],
        code: 1,
        message: /kind must be one of: smm-v2, indo-panel, vip-reseller, digiflazz/,
      },
      {
        why: "a URL that is not http(s)",
        argv: ["--kind", "smm-v2", "--url", "ftp://panel.example", "--key", secret("refused-key-8")],
        code: 1,
        message: /url must be an http\(s\) address/,
      },
      {
        why: "an unknown flag",
        argv: ["--kind", "smm-v2", "--url", smmUrl, "--key", secret("refused-key-9"), "--colour", "red"],
        code: 2,
        message:
          /Unknown option '--colour'[\s\S]*Usage: npm run cli -- <command>[\s\S]*provider add --name NAME --kind KIND/,
      },
    ];
    for (const { why, argv, code, message } of refused) {
      const run = await cli("provider", "add", "--name", "Rejected", ...argv);
      expect(run.code, why).toBe(code);
      expect(run.stderr, why).toMatch(message);
      expect(run.stdout, why).toBe("");
    }
    const missingUrl = await cli(
      "provider",
      "add",
      "--name",
      "Rejected",
      "--kind",
      "smm-v2",
      "--key",
      secret("refused-key-10"),
    );
    expect(missingUrl.code).toBe(2);
    expect(missingUrl.stderr).toMatch(/^provider add needs --url/);

    const rows = await supplierRows();
    expect(rows).toHaveLength(6);
    expect(rows.join("\n")).not.toContain("Rejected");
    expect((await cli("provider", "test", "Rejected")).stderr).toBe('Error: no supplier named "Rejected"');
  });

  it("provider list shows which credential fields are set, masked, and none of their values", async () => {
    const list = await must(cli, "provider", "list");
    const rows = list.out.split("\n");
    expect(rows[0]).toMatch(/^NAME\s+KIND\s+URL\s+CREDENTIALS\s+CURRENCY\s+ACTIVE\s+LAST TEST$/);
    const credentialsOf = (name: string) => {
      const row = rows.find((r) => r.startsWith(`${name} `))!;
      return [...row.matchAll(/(\w+)=(\S+)/g)].map(([, field, value]) => ({ field, value }));
    };
    const expected: Record<string, string[]> = {
      JAP: ["key"],
      CentralSMM: ["apiId", "apiKey", "secretKey"],
      MedanPedia: ["apiId", "apiKey"],
      Irvankede: ["apiId", "apiKey"],
      "VIP Reseller": ["apiId", "apiKey"],
      Digiflazz: ["apiKey", "username", "webhookSecret"],
    };
    for (const [name, fields] of Object.entries(expected)) {
      const shown = credentialsOf(name);
      expect(shown.map((c) => c.field).sort(), name).toEqual([...fields].sort());
      for (const { value } of shown) expect(value).toMatch(/^•+$/);
    }
    for (const value of secretsPassed) expect(list.out).not.toContain(value);
  });

  it("after provider edit --key with a wrong key, provider test fails; the right key makes it pass again", async () => {
    const wrong = secret(`wrong-${randomBytes(8).toString("hex")}`);
    const edited = await cli("provider", "edit", "JAP", "--key", wrong);
    expect(edited).toMatchObject({ code: 0, stdout: 'Updated supplier "JAP".' });
    const failing = await cli("provider", "test", "JAP");
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^JAP: FAILED after \d+ ms — Invalid API key$/);
    expect((await supplierRows()).find((r) => r.startsWith("JAP "))).toMatch(/\sfailed \S+Z$/);

    await must(cli, "provider", "edit", "JAP", "--key", standIns.sandbox.smm.key);
    expect((await cli("provider", "test", "JAP")).stdout).toMatch(/^JAP: OK — balance/);
    expect((await supplierRows()).find((r) => r.startsWith("JAP "))).toMatch(/\sok \S+Z$/);
  });

  it("provider edit changes one credential and keeps the others (CentralSMM's --secret alone)", async () => {
    const central = standIns.sandbox.indoPanels.centralsmm.credentials;
    await must(cli, "provider", "edit", "CentralSMM", "--secret", secret(`wrong-${randomBytes(8).toString("hex")}`));
    const failing = await cli("provider", "test", "CentralSMM");
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^CentralSMM: FAILED after \d+ ms — .*API ID, API Key atau Secret Key salah/);

    await must(cli, "provider", "edit", "CentralSMM", "--secret", central.secretKey!);
    const passing = await cli("provider", "test", "CentralSMM");
    expect(passing.code, passing.out).toBe(0);
    expect(passing.stdout).toMatch(/^CentralSMM: OK — balance 5000000 IDR/);
  });

  it("provider edit --url points the supplier at the new address (and refuses one that is not http)", async () => {
    const original = `${standIns.url}/indo/irvankede`;
    const moved = `${standIns.url}/indo/moved-away`;
    expect((await cli("provider", "edit", "Irvankede", "--url", "irvankede.example")).stderr).toMatch(
      /url must be an http\(s\) address/,
    );
    expect((await supplierRows()).find((r) => r.startsWith("Irvankede "))).toContain(` ${original} `);

    await must(cli, "provider", "edit", "Irvankede", "--url", moved);
    expect((await supplierRows()).find((r) => r.startsWith("Irvankede "))).toContain(` ${moved} `);
    const failing = await cli("provider", "test", "Irvankede");
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^Irvankede: FAILED after \d+ ms — .*404/);

    await must(cli, "provider", "edit", "Irvankede", "--url", original);
    expect((await supplierRows()).find((r) => r.startsWith("Irvankede "))).toContain(` ${original} `);
    expect((await cli("provider", "test", "Irvankede")).code).toBe(0);
  });

  it("provider disable takes the supplier's services out of catalog search; provider enable brings them back", async () => {
    const central = new Set(
      listRows((await must(cli, "catalog", "list", "--provider", "CentralSMM", "--all")).out).map((r) => r.mid),
    );
    expect(central.size).toBe(SMM_ROWS);
    const before = searchResult((await must(cli, "catalog", "search", "followers instagram")).out);
    expect(before.mids.some((mid) => central.has(mid))).toBe(true);

    const disabled = await cli("provider", "disable", "CentralSMM");
    expect(disabled).toMatchObject({
      code: 0,
      stdout: 'Supplier "CentralSMM" disabled: its services are no longer sold; orders in flight are not touched.',
    });
    expect((await supplierRows()).find((r) => r.startsWith("CentralSMM "))).toMatch(/\sIDR\s+no\s/);
    const during = searchResult((await must(cli, "catalog", "search", "followers instagram")).out);
    expect(during.mids.length).toBeGreaterThan(0);
    expect(during.mids.filter((mid) => central.has(mid))).toEqual([]);
    expect(during.total).toBeLessThan(before.total);
    const centralRows = listRows((await must(cli, "catalog", "list", "--provider", "CentralSMM", "--all")).out);
    expect(new Set(centralRows.map((r) => r.status))).toEqual(new Set(["off: supplier disabled"]));

    const enabled = await cli("provider", "enable", "CentralSMM");
    expect(enabled).toMatchObject({ code: 0, stdout: 'Supplier "CentralSMM" enabled: its services are sold again.' });
    const after = searchResult((await must(cli, "catalog", "search", "followers instagram")).out);
    expect(after).toEqual(before);
  });

  it("names an unknown supplier instead of failing obscurely", async () => {
    for (const argv of [
      ["provider", "test", "Nobody"],
      ["provider", "edit", "Nobody", "--key", "x"],
      ["provider", "disable", "Nobody"],
      ["catalog", "import", "Nobody"],
    ]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(1);
      expect(run.stderr, argv.join(" ")).toBe('Error: no supplier named "Nobody"');
    }
  });
});

describe("pricing and selling: catalog list, price, disable, enable, backup", () => {
  let cli: Cli;
  /** name → MID per supplier (names are unique within a supplier's list). */
  const mids = new Map<string, Map<string, number>>();
  const mid = (supplier: string, name: string) => {
    const found = mids.get(supplier)?.get(name);
    if (found === undefined) throw new Error(`no ${supplier} service named "${name}"`);
    return found;
  };
  const FOLLOWERS_A = "Instagram Followers [Indonesia Aktif] [Refill 30 Hari]";
  const FOLLOWERS_B = "Instagram Followers [Real Global] [No Refill]";
  const FOLLOWERS_CHEAP = "Instagram Followers [Murah] [Max 10K] [Tanpa Garansi]";
  const LIKES_A = "Instagram Likes [Indonesia Aktif] [Refill 30 Hari]";
  const TIKTOK_LIKES = "TikTok Likes [Real Global] [No Refill]";
  const ML86 = "Mobile Legends 86 Diamonds";
  const ML3688 = "Mobile Legends 3688 Diamonds";
  const TOTAL = 2 * SMM_ROWS + vipSampleCatalog().length;

  const list = async (...filters: string[]) => listRows((await must(cli, "catalog", "list", ...filters)).out);
  const priceOf = async (supplier: string, name: string) => rowNamed(await list("--provider", supplier, "--all"), name);

  beforeAll(async () => {
    const standIns = await startStandIns();
    cli = openShop(standIns);
    const { sandbox, url } = standIns;
    const medan = sandbox.indoPanels.medanpedia.credentials;
    await must(
      cli,
      "provider",
      "add",
      "--name",
      "JAP",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      secret(sandbox.smm.key),
    );
    await must(
      cli,
      "provider",
      "add",
      "--name",
      "Medan",
      "--kind",
      "indo-panel",
      "--panel",
      "medanpedia",
      "--url",
      `${url}/indo/medanpedia`,
      "--api-id",
      secret(medan.apiId),
      "--key",
      secret(medan.apiKey),
    );
    await must(
      cli,
      "provider",
      "add",
      "--name",
      "VIP",
      "--kind",
      "vip-reseller",
      "--url",
      `${url}/vip/api`,
      "--api-id",
      secret(sandbox.credentials.vip.apiId),
      "--key",
      secret(sandbox.credentials.vip.apiKey),
    );
    for (const name of ["JAP", "Medan", "VIP"]) {
      await must(cli, "catalog", "import", name);
      mids.set(name, new Map((await list("--provider", name, "--all")).map((r) => [r.name, r.mid])));
    }
  });

  it("catalog list --platform shows only that platform's services, of every supplier", async () => {
    const rows = await list("--platform", "instagram");
    const perSupplier = SMM_SAMPLE.filter((s) => s.name.startsWith("Instagram ")).length;
    expect(rows).toHaveLength(2 * perSupplier);
    for (const row of rows) expect(row.name).toMatch(/^Instagram /);
    expect(rows.map((r) => r.mid)).toContain(mid("JAP", FOLLOWERS_A));
    expect(rows.map((r) => r.mid)).toContain(mid("Medan", FOLLOWERS_A));
    expect(await list("--platform", "tiktok")).not.toContainEqual(
      expect.objectContaining({ name: expect.stringMatching(/^Instagram/) }),
    );
  });

  it('catalog list --category "Instagram Followers" shows that category only (any letter case)', async () => {
    const rows = await list("--category", "Instagram Followers");
    expect(rows).toHaveLength(2 * SMM_SAMPLE.filter((s) => s.category === "Instagram Followers").length);
    for (const row of rows) expect(row.name).toMatch(/^Instagram Followers /);
    expect((await list("--category", "instagram followers")).map((r) => r.mid)).toEqual(rows.map((r) => r.mid));
    expect((await must(cli, "catalog", "list", "--category", "Instagram Unicorns")).out).toBe("No services match.");
  });

  it("catalog list --provider shows one supplier's services, with its cost and a per-item price for top-ups", async () => {
    const vip = await list("--provider", "VIP");
    const sellable = vipSampleCatalog().filter((p) => p.status === "available");
    expect(vip).toHaveLength(sellable.length);
    for (const row of vip) expect(row.per).toBe("item");
    const ml86 = rowNamed(vip, ML86);
    expect(ml86.cost).toBe(19_450);
    expect(ml86.price).toBe(sellPrice("19450", DEFAULT_MARGIN));
    const medan = await list("--provider", "Medan", "--platform", "instagram");
    expect(medan.map((r) => r.mid).every((m) => [...mids.get("Medan")!.values()].includes(m))).toBe(true);
    expect(medan.every((r) => r.per === "1000")).toBe(true);
    const unknown = await cli("catalog", "list", "--provider", "Nobody");
    expect(unknown).toMatchObject({ code: 1, stderr: 'Error: no supplier named "Nobody"' });
  });

  it("catalog list --all also shows the services that are not sold, with why", async () => {
    const sold = await list("--provider", "VIP");
    const all = await list("--provider", "VIP", "--all");
    expect(all).toHaveLength(vipSampleCatalog().length);
    expect(sold.map((r) => r.name)).not.toContain(ML3688);
    expect(rowNamed(all, ML3688).status).toBe("off: supplier out of stock");
    expect(
      all
        .filter((r) => r.status !== "sold")
        .map((r) => r.name)
        .sort(),
    ).toEqual(
      vipSampleCatalog()
        .filter((p) => p.status !== "available")
        .map((p) => p.name)
        .sort(),
    );
  });

  it("catalog price --margin 25 reprices the whole shop; setting it again changes nothing", async () => {
    const set = await cli("catalog", "price", "--margin", "25");
    expect(set.code, set.out).toBe(0);
    const counts =
      /^Margin 25% set for the whole shop \(services without a more specific rule\): (\d+) of (\d+) services repriced\.$/.exec(
        set.stdout,
      );
    expect(counts, set.out).not.toBeNull();
    expect(Number(counts![2])).toBe(TOTAL);
    expect(Number(counts![1])).toBeGreaterThan(TOTAL / 2);

    expect((await priceOf("JAP", FOLLOWERS_A)).price).toBe(sellPrice(smmRate(FOLLOWERS_A), 25));
    expect((await priceOf("Medan", LIKES_A)).price).toBe(sellPrice(smmRate(LIKES_A), 25));
    expect((await priceOf("VIP", ML86)).price).toBe(sellPrice("19450", 25));

    expect((await must(cli, "catalog", "price", "--margin", "25")).stdout).toContain(
      `: 0 of ${TOTAL} services repriced.`,
    );
  });

  it('catalog price --margin 40 --category "Instagram Followers" reprices that category only', async () => {
    const set = await must(cli, "catalog", "price", "--margin", "40", "--category", "Instagram Followers");
    expect(set.stdout).toMatch(/^Margin 40% set for category "Instagram Followers": \d+ of \d+ services repriced\.$/);
    for (const supplier of ["JAP", "Medan"]) {
      expect((await priceOf(supplier, FOLLOWERS_A)).price).toBe(sellPrice(smmRate(FOLLOWERS_A), 40));
      expect((await priceOf(supplier, LIKES_A)).price).toBe(sellPrice(smmRate(LIKES_A), 25));
    }
  });

  it("catalog price --margin 10 --provider reprices that supplier, except where a category rule applies", async () => {
    const set = await must(cli, "catalog", "price", "--margin", "10", "--provider", "Medan");
    expect(set.stdout).toMatch(/^Margin 10% set for supplier Medan: \d+ of \d+ services repriced\.$/);
    expect((await priceOf("Medan", LIKES_A)).price).toBe(sellPrice(smmRate(LIKES_A), 10));
    expect((await priceOf("Medan", TIKTOK_LIKES)).price).toBe(sellPrice(smmRate(TIKTOK_LIKES), 10));
    expect((await priceOf("Medan", FOLLOWERS_A)).price).toBe(sellPrice(smmRate(FOLLOWERS_A), 40));
    expect((await priceOf("JAP", LIKES_A)).price).toBe(sellPrice(smmRate(LIKES_A), 25));
    expect((await priceOf("JAP", TIKTOK_LIKES)).price).toBe(sellPrice(smmRate(TIKTOK_LIKES), 25));
    expect((await cli("catalog", "price", "--margin", "10", "--provider", "Nobody")).stderr).toBe(
      'Error: no supplier named "Nobody"',
    );
  });

  it("catalog price --margin 15 --mid reprices one service, over its category's rule", async () => {
    const target = mid("JAP", FOLLOWERS_A);
    const set = await must(cli, "catalog", "price", "--margin", "15", "--mid", String(target));
    expect(set.stdout).toBe(`Margin 15% set for service ${target}: 1 of ${TOTAL} services repriced.`);
    expect((await priceOf("JAP", FOLLOWERS_A)).price).toBe(sellPrice(smmRate(FOLLOWERS_A), 15));
    expect((await priceOf("JAP", FOLLOWERS_B)).price).toBe(sellPrice(smmRate(FOLLOWERS_B), 40));
    expect((await priceOf("Medan", FOLLOWERS_A)).price).toBe(sellPrice(smmRate(FOLLOWERS_A), 40));
  });

  it("refuses a margin that is not a percentage, and a price command without one", async () => {
    const bad = await cli("catalog", "price", "--margin", "lots");
    expect(bad).toMatchObject({
      code: 1,
      stderr: "Error: margin must be a percentage of 0 or more, such as 25 or 12.5 (got lots)",
    });
    const none = await cli("catalog", "price", "--category", "Instagram Likes");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^catalog price needs --margin PERCENT/);
    expect((await priceOf("JAP", LIKES_A)).price).toBe(sellPrice(smmRate(LIKES_A), 25));
  });

  it("catalog price --mid --price fixes a price that margins no longer move; --clear returns it to its margin", async () => {
    const target = mid("JAP", FOLLOWERS_B);
    const cost = costOf(smmRate(FOLLOWERS_B));
    const fixed = await cli("catalog", "price", "--mid", String(target), "--price", "20000");
    expect(fixed).toMatchObject({
      code: 0,
      stdout: `Service ${target} now sells at a fixed Rp\u00a020.000/1000 (cost Rp\u00a0${cost.toLocaleString("id-ID")}).`,
    });
    expect(await priceOf("JAP", FOLLOWERS_B)).toMatchObject({ price: 20_000, fixed: true, cost, status: "sold" });

    await must(cli, "catalog", "price", "--margin", "60", "--category", "Instagram Followers");
    expect(await priceOf("JAP", FOLLOWERS_B)).toMatchObject({ price: 20_000, fixed: true });
    expect((await priceOf("Medan", FOLLOWERS_B)).price).toBe(sellPrice(smmRate(FOLLOWERS_B), 60));
    await must(cli, "catalog", "price", "--margin", "40", "--category", "Instagram Followers");

    const cleared = await cli("catalog", "price", "--mid", String(target), "--clear");
    const expected = sellPrice(smmRate(FOLLOWERS_B), 40);
    expect(cleared).toMatchObject({
      code: 0,
      stdout: `Service ${target} follows its margin again: Rp\u00a0${expected.toLocaleString("id-ID")}/1000.`,
    });
    expect(await priceOf("JAP", FOLLOWERS_B)).toMatchObject({ price: expected, fixed: false });
  });

  it("refuses a fixed price below the supplier's cost, naming the cost, and keeps the old price", async () => {
    const target = mid("JAP", FOLLOWERS_B);
    const before = await priceOf("JAP", FOLLOWERS_B);
    const below = await cli("catalog", "price", "--mid", String(target), "--price", String(before.cost - 1));
    expect(below.code).toBe(1);
    expect(below.stderr).toBe(
      `Error: Rp\u00a0${(before.cost - 1).toLocaleString("id-ID")} is below the supplier's cost of Rp\u00a0${before.cost.toLocaleString("id-ID")} per 1000`,
    );
    expect(await priceOf("JAP", FOLLOWERS_B)).toEqual(before);

    const topUp = await cli("catalog", "price", "--mid", String(mid("VIP", ML86)), "--price", "19000");
    expect(topUp.stderr).toBe("Error: Rp\u00a019.000 is below the supplier's cost of Rp\u00a019.450 per item");
    expect((await priceOf("VIP", ML86)).fixed).toBe(false);

    const notWhole = await cli("catalog", "price", "--mid", String(target), "--price", "12.5k");
    expect(notWhole.code).toBe(2);
    expect(notWhole.stderr).toMatch(/^--price takes whole rupiah/);
    expect((await cli("catalog", "price", "--mid", "99999", "--price", "5000")).stderr).toBe(
      "Error: no service with shop number 99999",
    );
  });

  it("catalog disable MID stops selling it, also through a sync; catalog enable MID sells it again", async () => {
    const target = mid("JAP", FOLLOWERS_CHEAP);
    expect(searchResult((await must(cli, "catalog", "search", "followers instagram")).out).mids).toContain(target);

    const disabled = await cli("catalog", "disable", String(target));
    expect(disabled).toMatchObject({ code: 0, stdout: `Service ${target} (${FOLLOWERS_CHEAP}) is no longer sold.` });
    expect((await list("--provider", "JAP")).map((r) => r.mid)).not.toContain(target);
    expect((await priceOf("JAP", FOLLOWERS_CHEAP)).status).toBe("off: disabled");
    expect(searchResult((await must(cli, "catalog", "search", "followers instagram")).out).mids).not.toContain(target);

    await must(cli, "catalog", "sync", "JAP");
    expect((await priceOf("JAP", FOLLOWERS_CHEAP)).status).toBe("off: disabled");

    const enabled = await cli("catalog", "enable", String(target));
    expect(enabled).toMatchObject({ code: 0, stdout: `Service ${target} (${FOLLOWERS_CHEAP}) is sold again.` });
    expect((await priceOf("JAP", FOLLOWERS_CHEAP)).status).toBe("sold");
    expect(searchResult((await must(cli, "catalog", "search", "followers instagram")).out).mids).toContain(target);

    expect((await cli("catalog", "disable", "99999")).stderr).toBe("Error: no service with shop number 99999");
    expect((await cli("catalog", "disable", "first")).code).toBe(2);
  });

  it("catalog enable refuses a service its supplier has out of stock: it comes back with the supplier's stock", async () => {
    const target = mid("VIP", ML3688);
    expect((await priceOf("VIP", ML3688)).status).toBe("off: supplier out of stock");
    const enabled = await cli("catalog", "enable", String(target));
    expect(enabled.code).toBe(1);
    expect(enabled.stderr).toBe(
      `Error: service ${target} is out of stock at its supplier; it is sold again by itself when the supplier has it`,
    );
    expect((await priceOf("VIP", ML3688)).status).toBe("off: supplier out of stock");
  });

  it("catalog backup MID --add PROVIDER:SERVICE_ID adds backups from another supplier, listed in the order they are tried", async () => {
    const main = mid("JAP", FOLLOWERS_A);
    expect((await must(cli, "catalog", "backup", String(main))).stdout).toBe(
      `Service ${main} has no backup suppliers.`,
    );

    const first = await must(cli, "catalog", "backup", String(main), "--add", "Medan:1001");
    expect(first.stdout).toMatch(new RegExp(`^Backups of service ${main}, tried in this order:`));
    expect(backupRows(first.out)).toEqual([
      {
        position: 1,
        mid: mid("Medan", FOLLOWERS_A),
        supplier: "Medan",
        service: `${FOLLOWERS_A} (1001)`,
        status: "sold",
      },
    ]);

    await must(cli, "catalog", "backup", String(main), "--add", "Medan:1002");
    const again = await must(cli, "catalog", "backup", String(main), "--add", "Medan:1001");
    const listed = backupRows((await must(cli, "catalog", "backup", String(main))).out);
    expect(backupRows(again.out)).toEqual(listed);
    expect(listed.map((b) => [b.position, b.mid])).toEqual([
      [1, mid("Medan", FOLLOWERS_A)],
      [2, mid("Medan", FOLLOWERS_B)],
    ]);
  });

  it("catalog backup MID --remove takes a backup out and keeps the others in order", async () => {
    const main = mid("JAP", FOLLOWERS_A);
    const removed = await must(cli, "catalog", "backup", String(main), "--remove", "Medan:1001");
    expect(backupRows(removed.out).map((b) => [b.position, b.mid])).toEqual([[1, mid("Medan", FOLLOWERS_B)]]);
    const empty = await must(cli, "catalog", "backup", String(main), "--remove", "Medan:1002");
    expect(empty.stdout).toBe(`Service ${main} has no backup suppliers.`);
  });

  it("catalog backup refuses an unknown supplier service, the service itself, another kind of product and an unknown supplier", async () => {
    const main = String(mid("JAP", FOLLOWERS_A));
    await must(cli, "catalog", "backup", main, "--add", "Medan:1003");
    const refusals: Array<[string, string]> = [
      ["Medan:999999", "Error: Medan has no imported service 999999; run catalog import Medan first"],
      ["JAP:1001", "Error: a service cannot be its own backup"],
      [
        "VIP:MLA86",
        `Error: service MLA86 of VIP sells a different kind of product (game_id, per 1) than service ${main}`,
      ],
      ["Nobody:1001", 'Error: no supplier named "Nobody"'],
    ];
    for (const [ref, message] of refusals) {
      const run = await cli("catalog", "backup", main, "--add", ref);
      expect(run.code, ref).toBe(1);
      expect(run.stderr, ref).toBe(message);
    }
    expect(backupRows((await must(cli, "catalog", "backup", main)).out).map((b) => b.mid)).toEqual([
      mid("Medan", FOLLOWERS_CHEAP),
    ]);
  });

  // Suspected bug: catalog.command.ts splits "--add 1001" at lastIndexOf(":") = -1, so the supplier
  // becomes "100" (the text minus its last character) and the operator reads `no supplier named "100"`.
  it("catalog backup --add without PROVIDER: is a usage error that shows the expected form", async () => {
    const run = await cli("catalog", "backup", String(mid("JAP", FOLLOWERS_A)), "--add", "1001");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^use PROVIDER:SERVICE_ID/);
  });
});

describe("catalog sync after a supplier changes its list", () => {
  const row = (service: number, name: string, category: string, rate: string): SimService => ({
    service,
    name,
    type: "Default",
    category,
    rate,
    min: "100",
    max: "10000",
    refill: false,
    cancel: true,
    dripfeed: false,
  });
  /** The supplier's list, kept by reference by the stand-in: editing it changes what the next sync receives. */
  const catalog: SimService[] = [
    row(501, "Instagram Followers [Sync A]", "Instagram Followers", "10000.00"),
    row(502, "Instagram Likes [Sync B]", "Instagram Likes", "2000.00"),
    row(503, "TikTok Views [Sync C]", "TikTok Views", "150.00"),
  ];
  const [A, B, C] = [1, 2, 3];
  let cli: Cli;
  const rows = async () => new Map(listRows((await must(cli, "catalog", "list", "--all")).out).map((r) => [r.mid, r]));

  beforeAll(async () => {
    const standIns = await startStandIns({ smm: { catalog } });
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
      secret(standIns.sandbox.smm.key),
    );
  });

  it("imports the supplier's list at the default margin", async () => {
    const imported = await must(cli, "catalog", "import", "Panel");
    expect(imported.out).toMatch(/imported:\s+3\n/);
    expect(imported.out).toMatch(/skipped:\s+0$/);
    const now = await rows();
    expect([...now.values()].map((r) => [r.mid, r.name, r.cost, r.price])).toEqual([
      [A, "Instagram Followers [Sync A]", 10_000, sellPrice("10000.00", DEFAULT_MARGIN)],
      [B, "Instagram Likes [Sync B]", 2_000, sellPrice("2000.00", DEFAULT_MARGIN)],
      [C, "TikTok Views [Sync C]", 150, sellPrice("150.00", DEFAULT_MARGIN)],
    ]);
  });

  it("reprices what the supplier made dearer and stops selling a fixed price now below the new cost", async () => {
    await must(cli, "catalog", "price", "--mid", String(B), "--price", "2500");
    catalog[0]!.rate = "12000.00";
    catalog[1]!.rate = "3000.00";

    const sync = await must(cli, "catalog", "sync", "Panel");
    expect(sync.out).toMatch(/updated:\s+2\n/);
    expect(sync.out).toMatch(/unchanged:\s+1\n/);
    expect(sync.out).toMatch(/repriced:\s+1\n/);
    expect(sync.out).toContain(`NOT SOLD (fixed price below new cost): 1 — ID ${B}`);

    const now = await rows();
    expect(now.get(A)).toMatchObject({ cost: 12_000, price: sellPrice("12000.00", DEFAULT_MARGIN), status: "sold" });
    expect(now.get(B)).toMatchObject({ cost: 3_000, price: 2_500, fixed: true, status: "off: price below cost" });
    expect(listRows((await must(cli, "catalog", "list")).out).map((r) => r.mid)).toEqual([A, C]);
    expect((await must(cli, "catalog", "search", "likes instagram")).out).toContain("No matching services");
  });

  it("keeps a below-cost service off until the operator prices it above cost", async () => {
    const enable = await cli("catalog", "enable", String(B));
    expect(enable).toMatchObject({
      code: 1,
      stderr: `Error: service ${B} is priced below cost; change its price first`,
    });
    expect((await must(cli, "catalog", "sync", "Panel")).out).not.toContain("NOT SOLD");
    expect((await rows()).get(B)?.status).toBe("off: price below cost");

    const repriced = await must(cli, "catalog", "price", "--mid", String(B), "--price", "3500");
    expect(repriced.stdout).toBe(`Service ${B} now sells at a fixed Rp\u00a03.500/1000 (cost Rp\u00a03.000).`);
    expect((await rows()).get(B)).toMatchObject({ price: 3_500, fixed: true, status: "sold" });
    expect(searchResult((await must(cli, "catalog", "search", "likes instagram")).out).mids).toEqual([B]);
  });

  it("a sync with no supplier change reprices nothing", async () => {
    const sync = await must(cli, "catalog", "sync", "Panel");
    expect(sync.out).toMatch(/unchanged:\s+3\n/);
    expect(sync.out).toMatch(/repriced:\s+0\n/);
    expect(sync.out).not.toContain("NOT SOLD");
  });

  it("a service the supplier stops listing is reported removed, cannot be enabled, and returns under its old number", async () => {
    const [gone] = catalog.splice(2, 1);
    const sync = await must(cli, "catalog", "sync", "Panel");
    expect(sync.out).toMatch(/removed:\s+1\n/);
    expect((await rows()).get(C)?.status).toBe("removed by supplier");
    const enable = await cli("catalog", "enable", String(C));
    expect(enable.code).toBe(1);
    expect(enable.stderr).toContain(`service ${C} is no longer listed by its supplier`);

    catalog.push(gone!);
    const back = await must(cli, "catalog", "sync", "Panel");
    expect(back.out).toMatch(/imported:\s+0\n/);
    expect((await rows()).get(C)).toMatchObject({ name: "TikTok Views [Sync C]", status: "sold" });
  });
});

describe("a supplier that bills in another currency", () => {
  const catalog: SimService[] = [
    {
      service: 77,
      name: "Instagram Followers [USD Panel]",
      type: "Default",
      category: "Instagram Followers",
      rate: "0.90",
      min: "100",
      max: "10000",
      refill: false,
      cancel: false,
      dripfeed: false,
    },
  ];
  let standIns: StandIns;
  let cli: Cli;

  beforeAll(async () => {
    // The panel bills in USD and says so in its balance answer, as JAP does.
    standIns = await startStandIns({ smm: { catalog, currency: "USD" } });
    cli = openShop(standIns);
  });

  it("converts its rates at --rate, and provider edit --rate then catalog sync reprices", async () => {
    await must(
      cli,
      "provider",
      "add",
      "--name",
      "Dollar",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      secret(standIns.sandbox.smm.key),
      "--currency",
      "usd",
      "--rate",
      "16250",
    );
    expect((await must(cli, "provider", "list")).out).toMatch(/Dollar\s.*\sUSD \(×16250\)\s+yes/);
    await must(cli, "catalog", "import", "Dollar");
    expect(listRows((await must(cli, "catalog", "list")).out)[0]).toMatchObject({
      cost: 14_625,
      price: sellPrice("14625", DEFAULT_MARGIN),
    });

    const edited = await must(cli, "provider", "edit", "Dollar", "--rate", "17000");
    expect(edited.stdout).toBe('Updated supplier "Dollar". Run catalog sync to reprice its services.');
    const sync = await must(cli, "catalog", "sync", "Dollar");
    expect(sync.out).toMatch(/repriced:\s+1\n/);
    expect(listRows((await must(cli, "catalog", "list")).out)[0]).toMatchObject({
      cost: 15_300,
      price: sellPrice("15300", DEFAULT_MARGIN),
    });
  });

  // Suspected bug: providers.service.ts accepts rateToIdr for an IDR supplier (currency defaults to
  // IDR), so `--rate 16250` typed without `--currency` multiplies every rupiah cost by 16250, while
  // `provider list` shows just "IDR" and hides the rate.
  it("a --rate typed without --currency is refused rather than multiplying an IDR supplier's costs", async () => {
    standIns.sandbox.smm.setCurrency("IDR");
    const added = await cli(
      "provider",
      "add",
      "--name",
      "Typo",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      secret(standIns.sandbox.smm.key),
      "--rate",
      "16250",
    );
    expect(added.code).toBe(1);
    expect(added.stderr).toMatch(/currency/);
    expect((await must(cli, "provider", "list")).out).not.toContain("Typo");
  });
});

describe("secrets", () => {
  it("no credential passed to the CLI appears in anything it printed or logged", () => {
    const everything = [printed.join("\n"), logged.join("")].join("\n");
    expect(printed.length).toBeGreaterThan(100);
    expect(secretsPassed.size).toBeGreaterThan(20);
    for (const value of [...secretsPassed, TEST_MASTER_KEY])
      expect(everything, "a secret was printed or logged").not.toContain(value);
  });
});
