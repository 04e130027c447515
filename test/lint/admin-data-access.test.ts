import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { querySitesOutsideRepositories } from "../../scripts/data-seams.js";
import { mutualFeatureImports } from "../../scripts/language-seams.js";
import type { Container } from "../../src/container.js";
import { ADMIN_AREAS } from "../../src/features/admin/admin.areas.js";
import type { AdminEnv } from "../../src/features/admin/admin.auth.js";

/** Issue 12 point 4, the admin side: SQL in repositories and read models, admin routes given services. */
const ADMIN_SIDE = [
  "src/features/admin",
  "src/features/customers",
  "src/features/settings",
  "src/features/knowledge",
  "src/features/catalog",
  "src/features/audit",
  "src/features/providers",
  "src/features/jobs",
  "src/features/assistant/transcripts.service.ts",
  "src/bot/update-dedupe.middleware.ts",
  "src/infra/db/kv-storage.ts",
];

describe("data access on the admin side", () => {
  it("writes and reads tables only in repositories and declared read models", () => {
    expect(querySitesOutsideRepositories(ADMIN_SIDE)).toEqual({});
  });

  it("counts a query written in a service file, and none in a repository or read model", () => {
    // The measure must see a site, or the check above could never fail.
    const dir = mkdtempSync(join(tmpdir(), "data-seams-"));
    const line = 'await db.selectFrom("orders").selectAll().execute();\nawait db\n  .deleteFrom("kv")\n  .execute();\n';
    for (const name of ["x.service.ts", "x.repository.ts", "x.queries.ts"]) writeFileSync(join(dir, name), line);
    expect(querySitesOutsideRepositories([dir])).toEqual({ [join(dir, "x.service.ts")]: 2 });
  });

  it("leaves the catalog and the settings importing one way only", () => {
    expect(mutualFeatureImports().map((p) => p.join("<->"))).not.toContain("catalog<->settings");
  });

  it("gives each admin area only the services it names, never the database or the configuration", () => {
    const touched = new Set<string>();
    const container = new Proxy({} as Container, {
      get(_, name) {
        touched.add(String(name));
        return { name: String(name) };
      },
    });
    for (const register of ADMIN_AREAS) register(new Hono<AdminEnv>(), container);
    expect(touched.size).toBeGreaterThan(0);
    for (const forbidden of ["db", "database", "config", "logger", "http", "masterKey"]) expect(touched).not.toContain(forbidden);
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
