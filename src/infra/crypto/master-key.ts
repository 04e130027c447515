import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../../shared/errors.js";

export interface MasterKeySource {
  key: Buffer;
  /** Where the key came from, for a start-up warning; never the key itself. */
  origin: "env" | "generated" | "file";
  path?: string;
}

/**
 * The master key comes from MASTER_KEY. Outside production, a missing key is generated once into
 * `<dataDir>/master.key` (mode 0600) so the sandbox and the CLI share it; in production a missing
 * key is fatal, because a key next to the database protects nothing.
 */
export function resolveMasterKey(input: {
  hex: string | undefined;
  dataDir: string;
  production: boolean;
}): MasterKeySource {
  if (input.hex) return { key: Buffer.from(input.hex, "hex"), origin: "env" };
  if (input.production) throw new AppError("crypto.key_missing", "MASTER_KEY is required in production");
  const path = join(input.dataDir, "master.key");
  mkdirSync(input.dataDir, { recursive: true });
  const fresh = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex");
  try {
    // `wx` fails if the file exists, so two processes starting together agree on one key.
    writeFileSync(path, `${fresh}\n`, { mode: 0o600, flag: "wx" });
    return { key: Buffer.from(fresh, "hex"), origin: "generated", path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stored = readFileSync(path, "utf8").trim();
  if (!/^[0-9a-f]{64}$/i.test(stored))
    throw new AppError("crypto.key_missing", `${path} does not hold a 64-hex-character key`);
  return { key: Buffer.from(stored, "hex"), origin: "file", path };
}
