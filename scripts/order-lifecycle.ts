import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  renderMiniappStatuses,
  renderOrderStatesDoc,
  withOrderStatesSection,
} from "../src/features/orders/orders.lifecycle.render.js";

/** Rewrites the copies of the order lifecycle (see orders.lifecycle.render.ts) after it changes. */
const doc = fileURLToPath(new URL("../docs/ARCHITECTURE.md", import.meta.url));
const app = fileURLToPath(new URL("../miniapp/src/screens/order-statuses.generated.ts", import.meta.url));
writeFileSync(doc, withOrderStatesSection(readFileSync(doc, "utf8"), renderOrderStatesDoc()));
writeFileSync(app, renderMiniappStatuses());
console.log("order states written to docs/ARCHITECTURE.md and the Mini App");
