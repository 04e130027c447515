import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { querySitesOutsideRepositories } from "../../scripts/data-access-seams.js";
import { mutualFeatureImports } from "../../scripts/language-seams.js";

/** The money path's features (issue 12 point 4): their SQL lives in repositories and read models only. */
const MONEY_PATH = ["orders", "fulfilment", "payments", "wallet", "checkout"];

describe("data access where it belongs", () => {
  it("keeps every query of the money path's features in a repository or a declared read model", () => {
    const sites = querySitesOutsideRepositories("src/features");
    // midtrans.settings.ts is the gateway keys' store (the gateway settings seam, issue 12 point 5).
    const outside = Object.keys(sites).filter((file) => MONEY_PATH.includes(file.split("/")[2]!) && !file.includes("/midtrans."));
    expect(outside).toEqual([]);
    expect(querySitesOutsideRepositories("src/cli")).toEqual({});
  });

  it("counts a query written outside them, and none in repositories, read models or tests", () => {
    const dir = mkdtempSync(join(tmpdir(), "seams-"));
    mkdirSync(join(dir, "shop"));
    const query = 'await db.selectFrom("orders").selectAll().execute();\nawait db.updateTable("orders").set({}).execute();\n';
    writeFileSync(join(dir, "shop", "shop.service.ts"), query);
    writeFileSync(join(dir, "shop", "shop.repository.ts"), query);
    writeFileSync(join(dir, "shop", "shop.queries.ts"), query);
    writeFileSync(join(dir, "shop", "shop.service.test.ts"), query);
    expect(querySitesOutsideRepositories(dir)).toEqual({ [join(dir, "shop", "shop.service.ts")]: 2 });
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves orders, fulfilment, payments and wallet importing each other one way only", () => {
    const pairs = mutualFeatureImports().filter(([a, b]) => ["orders", "fulfilment", "payments", "wallet"].some((f) => f === a || f === b));
    expect(pairs).toEqual([]);
  });
});
