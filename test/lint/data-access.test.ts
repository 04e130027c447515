import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { querySitesOutsideRepositories } from "../../scripts/data-access-seams.js";
import { mutualFeatureImports } from "../../scripts/language-seams.js";
import type { Container } from "../../src/container.js";
import { ADMIN_AREAS } from "../../src/features/admin/admin.areas.js";
import type { AdminEnv } from "../../src/features/admin/admin.auth.js";

/** Issue 12 point 4: SQL only in repositories and declared read models; admin routes given services. */
describe("data access where it belongs", () => {
  it("keeps every query in a repository or a declared read model", () => {
    expect(querySitesOutsideRepositories("src")).toEqual({});
  });

  it("counts a query written outside them, and none in repositories, read models or tests", () => {
    // The measure must see a site, or the check above could never fail.
    const dir = mkdtempSync(join(tmpdir(), "seams-"));
    mkdirSync(join(dir, "shop"));
    const query =
      'await db.selectFrom("orders").selectAll().execute();\nawait db\n  .updateTable("orders").set({}).execute();\n';
    for (const name of ["shop.service.ts", "shop.repository.ts", "shop.queries.ts", "shop.service.test.ts"])
      writeFileSync(join(dir, "shop", name), query);
    expect(querySitesOutsideRepositories(dir)).toEqual({ [join(dir, "shop", "shop.service.ts")]: 2 });
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves no two features importing each other both ways", () => {
    expect(mutualFeatureImports()).toEqual([]);
  });

  it("gives each admin area only the services it names, never the database or the configuration", () => {
    const touched = new Set<string>();
    const container = new Proxy({} as Container, {
      get(_, name) {
        touched.add(String(name));
        // Areas that list their routes from a registry (the gateways) read it while registering.
        return { name: String(name), list: () => [] };
      },
    });
    for (const register of ADMIN_AREAS) register(new Hono<AdminEnv>(), container);
    expect(touched.size).toBeGreaterThan(0);
    for (const forbidden of ["db", "database", "config", "logger", "http", "masterKey"])
      expect(touched).not.toContain(forbidden);
  });

  it("keeps the database out of every admin route file", () => {
    const files = readdirSync("src/features/admin").filter((f) => /^admin\..+\.api\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(`src/features/admin/${file}`, "utf8");
      expect({ file, usesDb: /deps\.db\b|open-database|from "kysely"/.test(source) }).toEqual({ file, usesDb: false });
    }
  });
});
