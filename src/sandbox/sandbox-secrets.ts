import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The keys the stand-ins make up (bot token, supplier keys, the Midtrans server key), derived from
 * one random seed. With a data directory the seed is kept there (`sandbox.seed`, mode 0600), so a
 * restart keeps every key and a supplier an admin added by hand still connects; without one (tests)
 * each sandbox gets fresh keys. Returns 24 hex characters per label.
 */
export function sandboxSecrets(dataDir: string | undefined): (label: string) => string {
  const seed = dataDir ? persistedSeed(join(dataDir, "sandbox.seed")) : randomBytes(32).toString("hex");
  return (label) => createHmac("sha256", seed).update(label).digest("hex").slice(0, 24);
}

function persistedSeed(path: string): string {
  try {
    const stored = readFileSync(path, "utf8").trim();
    if (/^[0-9a-f]{64}$/.test(stored)) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const fresh = randomBytes(32).toString("hex");
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `${fresh}\n`, { mode: 0o600 });
  return fresh;
}
