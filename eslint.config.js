// ESLint flat config. Its job here is the architecture, not style: the layer direction
// `bot|server|cli → features → infra|shared`, vendor SDKs only behind `src/infra/` and the transport
// files, and `process.env` read in one place (`src/config.ts`). See docs/ARCHITECTURE.md ("Habits").
import { readFileSync } from "node:fs";
import tseslint from "typescript-eslint";
import { CONTRACTS_DIR, SHARED_WITH_APP } from "./miniapp/shared-modules.mjs";

// Relative imports that climb out of the current layer into another one.
const INTO_FEATURES = "^(\\.\\./)+features/";
const INTO_TRANSPORT = "^(\\.\\./)+(bot|server|cli)/";
// The bot's shared vocabulary: the context type every chat handler receives, and the staff check.
// Features' chat files use them; everything else under src/bot stays out of reach.
const INTO_TRANSPORT_EXCEPT_BOT_VOCABULARY = "^(\\.\\./)+((server|cli)/|bot/(?!(context|admins)\\.js$))";
const INTO_BOT_VOCABULARY = "^(\\.\\./)+bot/(context|admins)\\.js$";

// Vendor SDKs grouped by where they may be imported.
const TRANSPORT_SDKS = ["grammy", "grammy/**", "@grammyjs/*", "hono", "hono/**", "@hono/*"];
const INFRA_SDKS = [
  "openai",
  "openai/**",
  "@langchain/*",
  "@langchain/*/**",
  "better-sqlite3",
  "pg",
  "croner",
  "midtrans-client",
  "sqlite-vec",
];

/**
 * One `no-restricted-imports` setting per layer: ESLint keeps only the last matching config's
 * options for a rule, so each layer states its full list instead of adding to a shared one.
 */
function layer({ features = "allow", transport = "allow", transportSdks = "allow", infraSdks = "allow" }) {
  const patterns = [];
  if (features !== "allow") {
    patterns.push({
      regex: INTO_FEATURES,
      allowTypeImports: features === "types-only",
      message: "infra and shared sit below the features: move the code down or pass it in as a port.",
    });
  }
  const upwards = "Imports point downwards: bot|server|cli → features → infra|shared.";
  if (transport === "deny") patterns.push({ regex: INTO_TRANSPORT, message: upwards });
  if (transport === "bot-vocabulary" || transport === "bot-vocabulary-types") {
    patterns.push({ regex: INTO_TRANSPORT_EXCEPT_BOT_VOCABULARY, message: upwards });
  }
  if (transport === "bot-vocabulary-types") {
    patterns.push({
      regex: INTO_BOT_VOCABULARY,
      allowTypeImports: true,
      message: "Only the chat files (*.bot.ts, *.menu.ts, …) call into the bot; others may use its types.",
    });
  }
  if (transportSdks !== "allow") {
    patterns.push({
      group: TRANSPORT_SDKS,
      allowTypeImports: transportSdks === "types-only",
      message:
        "grammY and Hono belong to src/bot, src/server and the features' *.bot.ts, *.menu.ts, *.conversation.ts, *.api.ts files.",
    });
  }
  if (infraSdks === "deny") {
    patterns.push({
      group: INFRA_SDKS,
      message: "Vendor SDKs live behind an adapter in src/infra/; import the adapter instead.",
    });
  }
  return { "no-restricted-imports": ["error", { patterns }] };
}

const TRANSPORT_FILES = [
  "src/features/**/*.bot.ts",
  "src/features/**/*.menu.ts",
  "src/features/**/*.conversation.ts",
  "src/features/**/*.api.ts",
];
// Chat helpers the *.bot.ts files call to build Telegram replies (they create InlineKeyboards), so
// they are transport by role although their names do not say so yet; renaming them is left for later.
const CHAT_HELPERS = [
  "src/features/assistant/assistant.answers.ts",
  "src/features/assistant/assistant.refunds.ts",
  "src/features/checkout/checkout.replies.ts",
];
const TESTS = ["**/*.test.ts"];

// The admin app (miniapp/) and the server's source tree: types from the contract files only, values
// only from the leaf modules listed in miniapp/shared-modules.mjs (see docs/ARCHITECTURE.md, "The
// admin app and its contract"); the server's own packages never (they are package.json's
// `dependencies`: the app's are devDependencies, bundled by vite).
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const INTO_SERVER = "^(\\.\\./)+src/";
const SHARED_VALUES = SHARED_WITH_APP.map((path) => escape(path.replace(/^src\//, "").replace(/\.ts$/, "")));
const SERVER_PACKAGES = Object.keys(
  JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")).dependencies,
);
function miniappImports() {
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `${INTO_SERVER}(?!${escape(CONTRACTS_DIR.replace(/^src\//, ""))}|(${SHARED_VALUES.join("|")})(\\.js)?$)`,
            message:
              "The admin app takes only the contract files (type-only) and the modules in miniapp/shared-modules.mjs from src/.",
          },
          {
            regex: `${INTO_SERVER}${escape(CONTRACTS_DIR.replace(/^src\//, ""))}`,
            allowTypeImports: true,
            message: "Contract files are imported with `import type`: their values are server code.",
          },
          {
            group: SERVER_PACKAGES.flatMap((name) => [name, `${name}/**`]),
            allowTypeImports: true,
            message: "A server package (package.json dependencies) has no place in the admin app bundle.",
          },
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: ["dist/**", "miniapp/dist/**", "node_modules/**", "data/**", "test-artifacts/**"],
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    languageOptions: { parser: tseslint.parser, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  // Configuration comes from the environment in exactly one place.
  {
    files: ["src/**/*.ts"],
    ignores: ["src/config.ts", ...TESTS],
    // (Also catches `const { env } = process`.)
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through src/config.ts." },
      ],
    },
  },
  // The layers. Tests are left out: they drive the real parts from outside, across layers.
  {
    files: ["src/shared/**/*.ts"],
    ignores: TESTS,
    rules: layer({ features: "deny", transport: "deny", transportSdks: "deny", infraSdks: "deny" }),
  },
  {
    files: ["src/infra/**/*.ts"],
    ignores: TESTS,
    rules: layer({ features: "deny", transport: "deny", transportSdks: "deny" }),
  },
  {
    // The database's table map names every feature's table type; type-only, so no runtime edge upwards.
    files: ["src/infra/db/database.ts"],
    rules: layer({ features: "types-only", transport: "deny", transportSdks: "deny" }),
  },
  {
    files: ["src/features/**/*.ts"],
    ignores: [...TESTS, ...TRANSPORT_FILES, ...CHAT_HELPERS],
    // Types carry no runtime edge, so a feature may name grammY's or Hono's types and the bot context.
    rules: layer({ transport: "bot-vocabulary-types", transportSdks: "types-only", infraSdks: "deny" }),
  },
  {
    files: [...TRANSPORT_FILES, ...CHAT_HELPERS],
    ignores: TESTS,
    rules: layer({ transport: "bot-vocabulary", infraSdks: "deny" }),
  },
  {
    files: ["src/bot/**/*.ts", "src/server/**/*.ts"],
    ignores: TESTS,
    rules: layer({ infraSdks: "deny" }),
  },
  {
    files: ["miniapp/src/**/*.{ts,tsx}"],
    rules: miniappImports(),
  },
  {
    files: ["src/cli/**/*.ts"],
    ignores: TESTS,
    rules: layer({ transportSdks: "deny", infraSdks: "deny" }),
  },
);
