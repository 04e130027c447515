import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts listening; rejects with a clear message when the port is taken. */
export function listen(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} on ${host} is already in use: stop the other process or set PORT`)
          : error,
      );
    };
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server!.off("error", onError);
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server!.close(() => done());
          }),
      });
    });
    server.once("error", onError);
  });
}
