import { createSandbox, type SandboxOptions } from "../../src/sandbox/index.js";
import { listen } from "../../src/server/listen.js";

/** The sandbox on its own port: to the product it is just "the outside world" at some URLs. */
export async function startSandboxServer(options: SandboxOptions = {}) {
  const sandbox = createSandbox(options);
  const server = await listen(sandbox.app, "127.0.0.1", 0);
  const url = `http://127.0.0.1:${server.port}`;
  sandbox.setBaseUrl(url);
  return {
    sandbox,
    url,
    env: {
      TELEGRAM_BOT_TOKEN: sandbox.telegram.token,
      TELEGRAM_API_ROOT: `${url}/telegram`,
      MIDTRANS_SERVER_KEY: sandbox.midtrans.serverKey,
      MIDTRANS_API_URL: `${url}/midtrans`,
    },
    smmUrl: `${url}/smm/api/v2`,
    async close() {
      sandbox.close();
      await server.close();
    },
  };
}
