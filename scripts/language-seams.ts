import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The measures of issue 12 point 2: words written in more than one of the readers' filler and
 * stopword lists (each literal word list in the given files counts as one list), feature pairs
 * whose files import each other both ways, and the places outside the language module where a
 * reader of customer text tokenises or strips text itself instead of taking the turn's reading.
 * `npx tsx scripts/language-seams.ts [files…]`.
 */
export function duplicatedWords(files: readonly string[]): { lists: Record<string, number>; duplicated: number } {
  const lists: Record<string, string[]> = {};
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/const (\w+)[^=\n]*=\s*(?:new Set\(\s*)?(?:words\()?`([^`]*)`/g)) {
      if (!/FILLER|STOPWORD|READER|RULES|SEARCH|QUESTIONS_ONLY/.test(match[1]!)) continue;
      lists[`${file.split("/").pop()}:${match[1]}`] = match[2]!.split(/\s+/).filter((w) => w && !w.includes("$"));
    }
  }
  const seen = new Map<string, number>();
  for (const words of Object.values(lists)) for (const w of new Set(words)) seen.set(w, (seen.get(w) ?? 0) + 1);
  return {
    lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])),
    duplicated: [...seen.values()].filter((n) => n > 1).length,
  };
}

/** Pairs of `src/features/*` folders whose (non-test) files import each other both ways. */
export function mutualFeatureImports(root = "src/features"): Array<[string, string]> {
  const edges = new Set<string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  for (const file of walk(root).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const from = relative(root, file).split("/")[0]!;
    // Import and export statements only: an import written inside a string (generated code) is not one.
    for (const match of readFileSync(file, "utf8").matchAll(
      /^\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.[^"']+)["']/gm,
    )) {
      const to = relative(root, resolve(dirname(file), match[1]!)).split("/")[0]!;
      if (!to.startsWith("..") && to !== from) edges.add(`${from}>${to}`);
    }
  }
  return [...edges].map((e) => e.split(">") as [string, string]).filter(([a, b]) => a < b && edges.has(`${b}>${a}`));
}

/**
 * The readers of customer text outside the language module: the intent rules, the LLM guard, the
 * turn, retrieval. `rules-words.ts` holds the rules' vocabulary (measured by `duplicatedWords`).
 */
export function customerTextReaders(root = "src/features"): string[] {
  const assistant = readdirSync(join(root, "assistant"))
    .filter(
      (f) =>
        ((/^rules-.*\.ts$/.test(f) && f !== "rules-words.ts") ||
          ["llm-guard.ts", "assistant.service.ts", "assistant.answers.ts", "assistant.bot.ts"].includes(f)) &&
        !f.endsWith(".test.ts"),
    )
    .map((f) => join(root, "assistant", f));
  const knowledge = ["knowledge.query.ts", "knowledge.search.ts", "knowledge.faq.ts"].map((f) =>
    join(root, "knowledge", f),
  );
  return [...assistant, ...knowledge].filter((f) => existsSync(f)).sort();
}

// Tokenisers, normalisers, strippers and readers of raw text: the language module's own tools.
const TOKENISING = new RegExp(
  String.raw`\b(?:normalizeText|tokenize|wordsOf|plainWords|plainText|readItems|withoutAccounts|withoutLinksAndHandles|withoutFalseFriends|numbersIn|detectLanguage|questionLanguage|createCutter|cutterOver|readProductText|readQuestionText|questionUnits|readQuestion)\s*\(|\b(?:URL_PATTERN|USERNAME_PATTERN|FALSE_FRIENDS)\b|\.split\(\s*(?:" "|\/[^/\n]*\\s[^/\n]*\/)`,
  "g",
);

/**
 * Where each reader tokenises or strips text on its own: calls of a tokeniser, a normaliser or a
 * link/handle stripper, and splits on blanks. Imports and comments do not count, nor a document's
 * own words (`row.…`), which the index reads, not a reader of customer text.
 */
export function tokenisingSites(files: readonly string[]): Record<string, number> {
  const sites: Record<string, number> = {};
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    const code = lines.filter(
      (line) => !/^\s*(?:import|export \{|export type \{|\/\/|\*|\/\*\*)/.test(line) && !/\brow\./.test(line),
    );
    const count = code.reduce((n, line) => n + [...line.replace(/\/\/.*$/, "").matchAll(TOKENISING)].length, 0);
    if (count > 0) sites[file] = count;
  }
  return sites;
}

if (process.argv[1]?.endsWith("language-seams.ts")) {
  const files = process.argv.slice(2);
  const vocabulary = duplicatedWords(
    files.length > 0 ? files : ["src/features/assistant/rules-words.ts", "src/features/language/language.stopwords.ts"],
  );
  console.log("word lists:", vocabulary.lists);
  console.log(`words written in more than one list: ${vocabulary.duplicated}`);
  const sites = tokenisingSites(customerTextReaders());
  const total = Object.values(sites).reduce((a, b) => a + b, 0);
  console.log(
    `places outside language/ where a reader of customer text tokenises or strips it: ${total}${Object.entries(sites)
      .map(([f, n]) => `\n  ${f}: ${n}`)
      .join("")}`,
  );
  const pairs = mutualFeatureImports();
  console.log(
    `feature pairs importing each other both ways: ${pairs.length}${pairs.map(([a, b]) => `\n  ${a} <-> ${b}`).join("")}`,
  );
}
