import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Benchmark helpers in their own processes (TypeScript through tsx), so a load generator or a
 * stand-in does not share the measured server's event loop. The parent calls `{ id, cmd, args }`
 * over IPC; the child answers `{ id, result }` or `{ id, error }`.
 */
interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

export interface ChildHandle {
  pid: number;
  call<T>(cmd: string, args?: unknown): Promise<T>;
  /** Asks the child to close its servers and exit; kills it if it has not exited within 5 s. */
  stop(): Promise<void>;
}

export async function startChild(file: URL): Promise<ChildHandle> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const child = fork(fileURLToPath(file), [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exited = true;
      for (const p of pending.values()) p.reject(new Error(`bench child ${file.pathname} exited (${code})`));
      pending.clear();
      resolve();
    }),
  );
  child.on("message", (message: Reply) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.result);
  });
  const call = <T>(cmd: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error("bench child already exited"));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, cmd, args });
    });
  await call("ready");
  return {
    pid: child.pid!,
    call,
    async stop() {
      if (exited) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await call("stop").catch(() => undefined);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The child's side: runs handlers for the parent; "stop" runs `onStop` and exits. Exits if the parent goes. */
export function serveParent(
  handlers: Record<string, (args: any) => unknown>,
  onStop: () => Promise<void> = async () => undefined,
): void {
  const send = (reply: Reply, then: () => void = () => undefined): void =>
    void process.send!(reply, undefined, {}, then);
  process.on("message", async (message: { id: number; cmd: string; args: unknown }) => {
    if (message.cmd === "stop") {
      await onStop().catch(() => undefined);
      send({ id: message.id, result: null }, () => process.exit(0));
      return;
    }
    if (message.cmd === "ready") {
      send({ id: message.id, result: null });
      return;
    }
    try {
      const handler = handlers[message.cmd];
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      send({ id: message.id, result: await handler(message.args) });
    } catch (error) {
      send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  process.on("disconnect", () => void onStop().finally(() => process.exit(0)));
}
