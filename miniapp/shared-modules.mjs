// What the admin app may take from the server's source tree (`src/`), in one list read by the lint
// (eslint.config.js), the bundle check (test/lint/miniapp-bundle.test.ts) and the build's freshness
// check (scripts/miniapp-build.ts).
//
// - Types: only from the contract files, and only with `import type` (erased before bundling).
// - Values: only from the leaf modules below, written to run in both places: no imports, no I/O,
//   nothing secret. Anything else under src/ is server code and stays out of the bundle.

/** The admin API's wire shapes, one file per area (type-only for the app). */
export const CONTRACTS_DIR = "src/features/admin/contracts/";

/** Server source files the app bundles on purpose (paths from the project root). */
export const SHARED_WITH_APP = [
  // Telegram's HTML subset: the previews parse a text exactly as the server checks it.
  "src/shared/telegram-html.ts",
  // The platforms' names as brands write them.
  "src/features/catalog/catalog.platforms.ts",
];
