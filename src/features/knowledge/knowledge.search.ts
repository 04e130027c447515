import type { Db } from "../../infra/db/open-database.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { Kind } from "../catalog/catalog.vocabulary.js";
import type { KnowledgeIndex } from "./knowledge.index.js";
import { kindFamily, NARROWER_KIND, platformFamily } from "../language/language.lexicon.js";
import { productReadingOf } from "./knowledge.query.js";
import { isRelevant, rankProducts, reciprocalRankFusion, type ProductCandidate } from "./knowledge.ranking.js";
import { cheapestInTier, countInTier, documentsByIds, type RankRow, type Tier } from "./knowledge.repository.js";
import type { TextQuery } from "./knowledge.search-backend.js";
import { wordsOf } from "../language/language.tokens.js";
import { facetToken } from "./knowledge.text.js";
import type { ProductQuery, ProductResults } from "./knowledge.types.js";

/** How many each search contributes to the fusion: enough that the right product is in the pool. */
const POOL = 100;
/** The most services one list holds (the bot pages through them); more than any tier of a real shop. */
export const MAX_RESULTS = 200;

export interface ProductSearchDeps {
  db: Db;
  index: KnowledgeIndex;
  catalog: Pick<CatalogService, "findByIds">;
}

/**
 * The product search behind the chat: the customer's words read against the lexicon (typos,
 * slang, links and quantities dealt with), BM25 over names and meanings and a vector search over
 * the same platform, fused by reciprocal rank, then ordered as `rankProducts` says. Services come
 * back from the catalog, so every price is the database's.
 */
export async function findProducts(deps: ProductSearchDeps, query: ProductQuery): Promise<ProductResults> {
  const { db, index, catalog } = deps;
  const limit = Math.min(Math.max(query.limit ?? 8, 1), MAX_RESULTS);
  const reading = productReadingOf(query);
  const spelling = await index.spelling();
  const corrected = new Map(reading.words.map((w) => [w, spelling.correct(w)]));
  const words = [...new Set(corrected.values())];

  // Given platform and kind restrict; a kind stands for its family ("subscriber telegram" → members).
  const filter: Tier = {
    platforms: query.platform ? platformFamily(query.platform) : undefined,
    kinds: query.kind ? kindFamily(query.kind) : undefined,
  };
  const wish = {
    platform: query.platform ?? reading.platform,
    kind: preferredKind(query.kind, reading.kind, filter.kinds),
  };
  // Kinds named but not chosen still describe ("diamond" in "weekly diamond pass").
  const wishTokens = new Set([
    wish.platform && facetToken("p", wish.platform),
    wish.kind && facetToken("k", wish.kind),
  ]);
  const descriptors = [
    ...reading.descriptors,
    ...reading.facets.filter((f) => f.startsWith("k") && !wishTokens.has(f)),
    ...words,
  ];
  const terms = [
    ...new Set([
      ...reading.facets,
      ...reading.descriptors,
      ...(wish.platform ? [facetToken("p", wish.platform)] : []),
      ...(wish.kind ? [facetToken("k", wish.kind)] : []),
    ]),
  ];
  if (terms.length === 0 && words.length === 0 && !filter.platforms && !filter.kinds) return { services: [], total: 0 };

  // A platform named in the words narrows both searches to it (when the shop sells on it): a
  // tenth of the rows to score, and ranking puts that platform first anyway.
  const route =
    filter.platforms ?? (wish.platform && (await index.platforms()).has(wish.platform) ? [wish.platform] : undefined);
  const textQuery = productTextQuery(
    route,
    filter.kinds,
    terms.filter((t) => !route?.some((p) => t === facetToken("p", p))),
    words,
  );
  const textIds = await index.backend.searchText(db, textQuery, POOL);
  // Names spelled like the words the index does not know and the corrector could not place (where
  // the database ranks trigrams): typos nothing else caught. Known words need no such search.
  const unplaced = reading.words.filter((w) => !spelling.knows(w) && corrected.get(w) === w);
  const nameIds =
    unplaced.length > 0
      ? await index.backend.searchSimilarNames(db, { facets: textQuery.facets, words: unplaced }, POOL)
      : [];
  const rows = new Map((await documentsByIds(db, textIds)).map((r) => [r.id, r]));
  const shelves = route ?? routeByText(textIds, rows);
  const vector = await index.embedQuery(reading.embedWords.map((w) => corrected.get(w) ?? w).join(" ") || query.text);
  const vectorIds = (await index.store().search(vector, POOL, { shelf: shelves, kind: filter.kinds })).map((h) => h.id);
  // Every service of the platform and kind asked for joins the pool, whatever its words: the list
  // is then the whole tier, so paging through it shows each once and the cheapest is never missed.
  const tier: Tier = {
    platforms: filter.platforms ?? (wish.platform ? [wish.platform] : undefined),
    kinds: filter.kinds ?? (wish.kind ? [wish.kind] : undefined),
  };
  const tierIds = tier.platforms || tier.kinds ? await cheapestInTier(db, tier, MAX_RESULTS) : [];
  const missing = [...new Set([...vectorIds, ...nameIds, ...tierIds])].filter((id) => !rows.has(id));
  for (const row of await documentsByIds(db, missing)) rows.set(row.id, row);

  const scores = reciprocalRankFusion(nameIds.length > 0 ? [textIds, vectorIds, nameIds] : [textIds, vectorIds]);
  const productWish = { platform: wish.platform, kind: wish.kind, descriptors };
  const candidates = [...rows.values()]
    .filter((row) => row.source === "service" && inFilter(row, filter))
    .map((row) => toCandidate(row, scores.get(row.id) ?? 0))
    .filter((c) => isRelevant(c, productWish));
  // Once the best match is of the platform and kind asked for, the list keeps to them (and their
  // kind's family) instead of padding with other products; "how many" counts the same scope.
  const ranked = rankProducts(candidates, productWish);
  const scope = scopeOf(filter, wish, ranked[0]);
  const inScope = ranked.filter((c) => inFilter(c, scope));

  const picked = inScope.slice(0, limit + 8);
  const services = await catalog.findByIds(picked.map((c) => c.sourceId));
  const sellable = picked.flatMap((c) => {
    const service = services.get(c.sourceId);
    return service?.sellable ? [service] : [];
  });
  const results = sellable.slice(0, limit);
  const total = scope.platforms || scope.kinds ? await countInTier(db, scope) : inScope.length;
  return { services: results, total: Math.max(total, results.length) };
}

/**
 * The kind to rank first: the narrower of the one given and the one read ("weekly diamond pass"
 * given, "diamond" read → the pass), the one read when only it fits, else the one given.
 */
function preferredKind(
  given: string | undefined,
  read: string | undefined,
  allowed: readonly string[] | undefined,
): string | undefined {
  if (!read || (allowed && !allowed.includes(read))) return given ?? read;
  if (!given) return read;
  return NARROWER_KIND[given as Kind] === read ? given : read;
}

/**
 * The platforms and kinds as facet filters (each group: one of them), and any meaning token or word.
 * On SQLite the filters ride inside the MATCH, so the statement stays `MATCH … ORDER BY rank LIMIT n`;
 * FAQ documents that match an unfiltered search are dropped later.
 */
function productTextQuery(
  platforms: readonly string[] | undefined,
  kinds: readonly string[] | undefined,
  terms: readonly string[],
  words: readonly string[],
): TextQuery {
  return {
    facets: [
      ...(platforms ? [platforms.map((p) => facetToken("p", p))] : []),
      ...(kinds ? [kinds.map((k) => facetToken("k", k))] : []),
    ],
    terms,
    words,
  };
}

/** No platform named: search vectors on the platforms the best word matches are on (at most three). */
function routeByText(textIds: readonly number[], rows: ReadonlyMap<number, RankRow>): string[] | undefined {
  const platforms = [
    ...new Set(
      textIds.slice(0, 10).flatMap((id) => (rows.get(id)?.source === "service" ? [rows.get(id)!.platform] : [])),
    ),
  ].slice(0, 3);
  return platforms.length > 0 ? platforms : undefined;
}

function inFilter(row: Pick<RankRow, "platform" | "kind">, filter: Tier): boolean {
  return (
    (!filter.platforms || filter.platforms.includes(row.platform)) && (!filter.kinds || filter.kinds.includes(row.kind))
  );
}

function toCandidate(row: RankRow, score: number): ProductCandidate {
  return {
    id: row.id,
    sourceId: row.source_id,
    platform: row.platform,
    kind: row.kind,
    price: row.price ?? 0,
    tokens: new Set([...wordsOf(row.title), ...row.terms.split(" ")]),
    score,
  };
}

/** The given filter, narrowed to the platform and kind family asked for when the best match has them. */
function scopeOf(
  filter: Tier,
  wish: { platform: string | undefined; kind: string | undefined },
  top: ProductCandidate | undefined,
): Tier {
  const family = wish.kind ? kindFamily(wish.kind) : undefined;
  return {
    platforms: filter.platforms ?? (wish.platform && top?.platform === wish.platform ? [wish.platform] : undefined),
    kinds: filter.kinds ?? (family && top && family.includes(top.kind) ? family : undefined),
  };
}
