import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SHARED_WITH_APP } from "../miniapp/shared-modules.mjs";

/**
 * Builds the admin Mini App (miniapp/ → miniapp/dist) when its sources are newer than the build:
 * `npm start` runs it first, so a fresh checkout serves a working /miniapp without a separate
 * step; tests call it before opening a browser. Vite is a development dependency: an install
 * without it keeps whatever build exists and says so.
 */
const ROOT = fileURLToPath(new URL("../miniapp", import.meta.url));
const INDEX = join(ROOT, "dist", "index.html");
// Server code the Mini App bundles too (the leaf modules listed in miniapp/shared-modules.mjs).
const SHARED = SHARED_WITH_APP.map((path) => fileURLToPath(new URL(`../${path}`, import.meta.url)));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function miniAppIsStale(): boolean {
  if (!existsSync(INDEX)) return true;
  const sources = Math.max(
    newest(join(ROOT, "src")),
    newest(join(ROOT, "index.html")),
    newest(join(ROOT, "vite.config.ts")),
    ...SHARED.map(newest),
  );
  return statSync(INDEX).mtimeMs < sources;
}

export async function buildMiniAppIfStale(): Promise<"built" | "fresh" | "no-vite"> {
  if (!miniAppIsStale()) return "fresh";
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    return "no-vite";
  }
  await vite.build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  return "built";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildMiniAppIfStale();
  if (result === "built") console.log("admin Mini App built (miniapp/dist)");
  if (result === "no-vite")
    console.warn(
      "admin Mini App not rebuilt: vite is not installed (npm install without --omit=dev, or npm run build)",
    );
}
