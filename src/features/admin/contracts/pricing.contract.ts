/** The pricing area of the admin API (admin.pricing.api.ts): margins beyond one service's, previewed before saved. */
import type { MarginPreview } from "../../catalog/catalog.management.js";

export type { MarginPreview };

/** Which margin a change is about, as POST /pricing/margins/preview and PUT /pricing/margins take it. */
export type MarginTarget =
  | { scope: "default" }
  | { scope: "supplier"; supplierId: number }
  | { scope: "category"; category: string }
  | { scope: "services"; mids: number[] };

/** GET /pricing/margins: the default, each supplier's and each category's margin (null: none of its own). */
export interface Margins {
  default: string;
  suppliers: Array<{ id: number; name: string; margin: string | null }>;
  categories: Array<{ category: string; platforms: string[]; count: number; margin: string | null }>;
}

/** PUT /pricing/margins */
export interface MarginsSaved {
  repriced: number;
  disabledBelowCost: number;
  margins: Margins;
}
