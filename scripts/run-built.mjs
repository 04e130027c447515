// Runs an entry point from the compiled build (`dist/`, what `npm run build` makes) instead of
// compiling TypeScript on every start: `node scripts/run-built.mjs cli/main.js --help`. When any
// source is newer than the last build, it compiles first (so a fresh clone and an edited tree just
// work); an install without TypeScript (`--omit=dev`) runs the sources through tsx instead.
// Plain JavaScript on purpose: it must start without a compiler.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
// Written after a successful compile; its age is the build's age (tsc rewrites every output anyway).
const STAMP = join(DIST, ".built");
const LOCK = join(ROOT, "dist.lock");
const INPUTS = [join(ROOT, "src"), join(ROOT, "tsconfig.json"), join(ROOT, "tsconfig.build.json")];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function isStale() {
  return !existsSync(STAMP) || statSync(STAMP).mtimeMs < Math.max(...INPUTS.map(newest));
}

function findTsc() {
  try {
    return createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    return undefined;
  }
}

function lockTime() {
  try {
    return statSync(LOCK).mtimeMs;
  } catch {
    return Date.now();
  }
}

// Two processes starting at once (tests, `npm start` beside `npm run cli`) compile once: the
// second waits for the first's lock and then finds the build fresh.
async function withLock(work) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      // A lock older than any compile was left by a killed build.
      if (Date.now() - lockTime() > 180_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function compile(tsc) {
  // A clean output folder, so a deleted or renamed source leaves no old module behind.
  rmSync(DIST, { recursive: true, force: true });
  const built = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (built.status !== 0) return built.status ?? 1;
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return 0;
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("Usage: node scripts/run-built.mjs <entry under src/, as .js> [args…] | --build | --prepare");
  process.exit(2);
}

// `npm install` (the `prepare` script): compile when stale, so the first `npm start` or CLI command
// after a fresh clone starts at once. An install without TypeScript (`--omit=dev`) skips it quietly:
// the sources then run through tsx.
if (entry === "--prepare") {
  const tsc = findTsc();
  process.exit(tsc === undefined ? 0 : await withLock(() => (isStale() ? compile(tsc) : 0)));
}

// `npm run build`: compile now, whatever the stamp says.
if (entry === "--build") {
  const tsc = findTsc();
  if (tsc === undefined) {
    console.error("TypeScript is not installed (npm install without --omit=dev).");
    process.exit(1);
  }
  process.exit(await withLock(() => compile(tsc)));
}

let target = join(DIST, entry);
if (isStale()) {
  const tsc = findTsc();
  if (tsc === undefined) {
    target = undefined;
  } else {
    const failed = await withLock(() => {
      if (!isStale()) return 0;
      console.error("Compiling the server (sources changed since the last build)…");
      return compile(tsc);
    });
    if (failed) process.exit(failed);
  }
}

if (target === undefined) {
  // No compiler installed: run the TypeScript sources through tsx (a runtime dependency).
  const source = join(ROOT, "src", entry.replace(/\.js$/, ".ts"));
  const run = spawnSync(process.execPath, ["--import", "tsx", source, ...args], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

// Run the entry in this process, with the arguments it would have seen as `node dist/<entry>`.
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
