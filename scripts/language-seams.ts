import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The two measures of issue 12 point 2: words written in more than one of the readers' filler and
 * stopword lists (each literal word list in the given files counts as one list), and feature pairs
 * whose files import each other both ways. `npx tsx scripts/language-seams.ts [files…]`.
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
  return { lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])), duplicated: [...seen.values()].filter((n) => n > 1).length };
}

/** Pairs of `src/features/*` folders whose (non-test) files import each other both ways. */
export function mutualFeatureImports(root = "src/features"): Array<[string, string]> {
  const edges = new Set<string>();
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  for (const file of walk(root).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const from = relative(root, file).split("/")[0]!;
    for (const match of readFileSync(file, "utf8").matchAll(/from\s+["'](\.[^"']+)["']/g)) {
      const to = relative(root, resolve(dirname(file), match[1]!)).split("/")[0]!;
      if (!to.startsWith("..") && to !== from) edges.add(`${from}>${to}`);
    }
  }
  return [...edges].map((e) => e.split(">") as [string, string]).filter(([a, b]) => a < b && edges.has(`${b}>${a}`));
}

if (process.argv[1]?.endsWith("language-seams.ts")) {
  const files = process.argv.slice(2);
  const vocabulary = duplicatedWords(files.length > 0 ? files : ["src/features/assistant/rules-words.ts", "src/features/language/language.stopwords.ts"]);
  console.log("word lists:", vocabulary.lists);
  console.log(`words written in more than one list: ${vocabulary.duplicated}`);
  const pairs = mutualFeatureImports();
  console.log(`feature pairs importing each other both ways: ${pairs.length}${pairs.map(([a, b]) => `\n  ${a} <-> ${b}`).join("")}`);
}
