import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { startSandboxServer } from "../kit/sandbox-server.js";

/**
 * The knowledge base through the operator CLI, as `npm run cli -- …` runs it: a database file in
 * a temp dir, the SMM stand-in as supplier, and only what the operator sees (exit code, lines).
 */
interface Run {
  code: number;
  out: string;
}

let standIns: Awaited<ReturnType<typeof startSandboxServer>>;
let dir: string;
let cli: (...argv: string[]) => Promise<Run>;

beforeAll(async () => {
  standIns = await startSandboxServer();
  dir = mkdtempSync(join(tmpdir(), "shop-cli-knowledge-"));
  const env = {
    ...standIns.env,
    TELEGRAM_BOT_TOKEN: undefined,
    DATABASE_URL: join(dir, "shop.db"),
    DATA_DIR: dir,
    MASTER_KEY: TEST_MASTER_KEY,
    LOG_LEVEL: "warn",
  };
  cli = async (...argv) => {
    const lines: string[] = [];
    const code = await runCli(argv, { log: (l) => lines.push(l), error: (l) => lines.push(l) }, env);
    return { code, out: lines.join("\n") };
  };
  const must = async (...argv: string[]) => {
    const run = await cli(...argv);
    if (run.code !== 0) throw new Error(`"${argv.join(" ")}" exited ${run.code}:\n${run.out}`);
  };
  await must(
    "provider",
    "add",
    "--name",
    "panel",
    "--kind",
    "smm-v2",
    "--url",
    standIns.smmUrl,
    "--key",
    standIns.sandbox.smm.key,
  );
  await must("catalog", "import", "panel");
});

afterAll(async () => {
  await standIns.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows of a `knowledge search` table: MID, NAME, PRICE (two spaces or more between columns). */
function productRows(out: string) {
  return out
    .split("\n")
    .filter((line) => /^\d+ {2}/.test(line))
    .map((line) => {
      const [mid, name, price] = line.split(/ {2,}/);
      return { mid: Number(mid), name: name!, price: Number(/Rp\s*([\d.]+)/.exec(price!)![1]!.replace(/\./g, "")) };
    });
}

describe("knowledge search and sync", () => {
  it("finds what a customer's words ask for, cheapest first for 'murah', with shop numbers and prices", async () => {
    const run = await cli("knowledge", "search", "folower instagarm murah kak");
    expect(run.code).toBe(0);
    const rows = productRows(run.out);
    // The sample panel sells seven Instagram followers services by link (the eighth is a package).
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "Instagram Followers [Bot] [Super Murah]",
        "Instagram Followers [Indonesia Aktif] [Refill 30 Hari]",
      ]),
    );
    expect(rows.every((r) => r.name.startsWith("Instagram Followers"))).toBe(true);
    expect(rows.map((r) => r.price)).toEqual([...rows.map((r) => r.price)].sort((a, b) => a - b));
    expect(run.out).toContain(`${rows.length} of ${rows.length} matching services shown.`);
  });

  it("restricts to a platform and kind given as options, and says when nothing matches", async () => {
    const rows = productRows(
      (await cli("knowledge", "search", "murah", "--platform", "tiktok", "--kind", "views", "--limit", "3")).out,
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.name.startsWith("TikTok Views"))).toBe(true);
    const none = await cli("knowledge", "search", "netflix premium");
    expect([none.code, none.out]).toEqual([0, "No matching services."]);
  });

  it("reports a sync with nothing to do, and a rebuild that embeds nothing new (the cache)", async () => {
    const sync = await cli("knowledge", "sync");
    expect(sync.code).toBe(0);
    expect(sync.out).toMatch(/services: 0 new or changed, 0 removed, 0 embedded/);
    const rebuild = await cli("knowledge", "rebuild");
    expect(rebuild.out).toMatch(/services: \d+ new or changed, 0 removed, 0 embedded/);
  });

  it("refuses bad usage with the usage text", async () => {
    expect((await cli("knowledge", "search")).code).toBe(2);
    expect((await cli("knowledge", "search", "likes", "--platform", "myspace")).out).toMatch(
      /unknown platform "myspace"/,
    );
    expect((await cli("knowledge", "reindex")).code).toBe(2);
  });
});

describe("faq list, show, set, search, remove", () => {
  it("lists the seeded documents in both languages and shows one", async () => {
    const list = await cli("faq", "list");
    expect(list.out).toMatch(/16 FAQ documents\./);
    expect(list.out).toMatch(/^cara-bayar +id +Cara bayar +shown$/m);
    expect((await cli("faq", "list", "--lang", "en")).out).toMatch(/8 FAQ documents\./);
    const show = await cli("faq", "show", "cara-bayar", "--lang", "en");
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/^How to pay {2}\[cara-bayar, en\]/);
    expect(show.out).toMatch(/QRIS/);
  });

  it("adds a document that search finds at once, updates it, and removes it", async () => {
    const added = await cli(
      "faq",
      "set",
      "jam-buka",
      "--lang",
      "id",
      "--title",
      "Jam operasional",
      "--body",
      "Toko buka 24 jam setiap hari, termasuk hari libur.",
    );
    expect([added.code, added.out]).toEqual([0, 'Added FAQ "jam-buka" (id); the index is up to date.']);
    expect((await cli("faq", "search", "toko buka jam berapa")).out.split("\n")[1]).toMatch(
      /^jam-buka +id +Jam operasional$/,
    );
    const updated = await cli(
      "faq",
      "set",
      "jam-buka",
      "--lang",
      "id",
      "--title",
      "Jam operasional",
      "--body",
      "Admin membalas pukul 08.00-22.00 WIB.",
    );
    expect(updated.out).toMatch(/^Updated FAQ "jam-buka"/);
    expect((await cli("faq", "show", "jam-buka")).out).toMatch(/08\.00-22\.00 WIB/);
    expect((await cli("faq", "remove", "jam-buka", "--lang", "id")).out).toBe(
      'Removed 1 FAQ document "jam-buka" (id).',
    );
    const gone = await cli("faq", "show", "jam-buka");
    expect([gone.code, gone.out]).toEqual([1, 'Error: no FAQ "jam-buka" in language id']);
  });

  it("refuses bad input with a clear message", async () => {
    const slug = await cli("faq", "set", "Cara Bayar!", "--lang", "id", "--title", "x", "--body", "y");
    expect(slug.code).toBe(1);
    expect(slug.out).toMatch(/^Error: slug: a slug is lower-case words joined by hyphens/);
    expect((await cli("faq", "set", "x", "--lang", "fr", "--title", "x", "--body", "y")).code).toBe(2);
    expect((await cli("faq", "set", "x", "--lang", "id")).out).toMatch(/faq set needs --lang, --title and --body/);
    const missing = await cli("faq", "remove", "no-such-topic");
    expect([missing.code, missing.out]).toEqual([1, 'Error: no FAQ "no-such-topic"']);
  });
});
