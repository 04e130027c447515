import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { userInfo, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../kit/free-port.js";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server binaries (package `postgresql-15`); POSTGRES_BIN points elsewhere. */
export function postgresBin(): string {
  return process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";
}

/** The database every test database is copied from: the real migrations, applied once per run. */
export const TEMPLATE_DATABASE = "tokobot_template";

/**
 * The tests run every repository on PostgreSQL too, on a throwaway server: a machine without one is
 * told once, with the command that installs it, instead of skipping those tests in silence.
 */
export function requirePostgres(bin = postgresBin()): string {
  if (!existsSync(join(bin, "initdb")) || !existsSync(join(bin, "pg_ctl"))) {
    throw new Error(
      `The tests need PostgreSQL 15's server at ${bin} (they start a throwaway cluster on loopback). Install it once with\n  sudo apt-get install -y postgresql-15\n(or set POSTGRES_BIN to another PostgreSQL's bin folder), then run npm test again.`,
    );
  }
  return bin;
}

export interface ThrowawayCluster {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust authentication on loopback only). */
  url(database: string): string;
  stop(): Promise<void>;
}

const CLUSTER_PREFIX = "tokobot-pg-";
const OWNER_FILE = "owner.pid";

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Clusters of test runs that were killed (no teardown ran): stopped and deleted. */
async function stopAbandonedClusters(as: (command: string, args: string[]) => Promise<unknown>): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(CLUSTER_PREFIX))) {
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), "utf8"));
    } catch {
      continue; // not ours, or being created right now
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    await as("pg_ctl", ["-D", join(dir, "data"), "-w", "-m", "immediate", "stop"]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * initdb refuses to run as root (CI runs as root): then the server runs as the `postgres` account
 * Debian's package creates, or as `nobody`, through runuser. Otherwise as whoever runs the tests.
 */
async function serverAccount(): Promise<{ name: string; uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
      return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    } catch {
      // no such account; try the next
    }
  }
  throw new Error(
    "The tests run as root and found neither a postgres nor a nobody account to run the PostgreSQL test server as (initdb refuses root).",
  );
}

/**
 * Starts a PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 and a free port, its
 * socket in that folder (no systemd, nothing shared with an installed cluster), with durability off
 * (a crash loses a throwaway database, nothing else). `stop` shuts it down and deletes the folder.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = requirePostgres();
  const account = await serverAccount();
  const as = (command: string, args: string[]) =>
    account ? run("runuser", ["-u", account.name, "--", join(bin, command), ...args]) : run(join(bin, command), args);
  await stopAbandonedClusters(as);
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  // Whose cluster this is: a run killed before its teardown leaves it behind for the next run to stop.
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  if (account) chownSync(dir, account.uid, account.gid);
  const data = join(dir, "data");
  const port = await freePort();
  try {
    await as("initdb", [
      "-D",
      data,
      "--auth=trust",
      "-U",
      "postgres",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    await as("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The PostgreSQL test server did not start: ${(error as Error).message}`, { cause: error });
  }
  let stopped = false;
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await as("pg_ctl", ["-D", data, "-w", "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
