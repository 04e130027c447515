import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context } from "hono";

export const MINIAPP_DIST = fileURLToPath(new URL("../../miniapp/dist", import.meta.url));

/**
 * The built admin Mini App at /miniapp (`npm run build`, or built by `npm start` when missing).
 * Assets have hashed names and are cached for good; index.html never, so a new build shows at once.
 * Mounted at /miniapp; the static middleware serves what exists and falls through otherwise.
 */
export function createMiniAppRoutes(dist = MINIAPP_DIST): Hono {
  const app = new Hono();
  const root = relative(process.cwd(), dist) || ".";
  app.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.ok) c.header("cache-control", "public, max-age=31536000, immutable");
  });
  const index = async (c: Context) => {
    const file = `${dist}/index.html`;
    if (!existsSync(file)) return c.text("The admin app is not built yet: run `npm run build`.", 503);
    c.header("cache-control", "no-store");
    return c.html(await readFile(file, "utf8"));
  };
  app.get("/", index);
  app.use("/*", serveStatic({ root, rewriteRequestPath: (path) => path.replace(/^\/miniapp/, "") || "/" }));
  // Any other path is the app itself (it routes in the browser).
  app.get("/*", index);
  return app;
}
