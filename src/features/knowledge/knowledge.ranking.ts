import { kindFamily } from "../language/language.lexicon.js";

/** The constant of reciprocal rank fusion: dampens the weight of the very top ranks. */
export const RRF_K = 60;

/** score(d) = Σ over lists of 1 / (60 + rank of d in the list), ranks from 1. */
export function reciprocalRankFusion(lists: ReadonlyArray<readonly number[]>, k = RRF_K): Map<number, number> {
  const scores = new Map<number, number>();
  for (const list of lists) {
    list.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return scores;
}

export interface ProductCandidate {
  id: number;
  sourceId: number;
  platform: string;
  kind: string;
  price: number;
  /** Words of the name and its meaning tokens (`kfollowers`, `cindonesia`, `n86`). */
  tokens: ReadonlySet<string>;
  /** Fused relevance (reciprocal rank fusion of the word and vector searches). */
  score: number;
}

export interface ProductWish {
  platform: string | undefined;
  kind: string | undefined;
  /** Meanings and plain words beyond platform and kind: each one a name carries counts. */
  descriptors: readonly string[];
}

/**
 * Whether a candidate has anything to do with the wish: the platform or kind named, or, when
 * neither was named, more than half of the words ("netflix premium" is not any "Premium" service).
 */
export function isRelevant(candidate: ProductCandidate, wish: ProductWish): boolean {
  if (wish.platform && candidate.platform === wish.platform) return true;
  if (wish.kind && kindFamily(wish.kind).includes(candidate.kind)) return true;
  const coverage = wish.descriptors.reduce((n, d) => n + (candidate.tokens.has(d) ? 1 : 0), 0);
  return coverage * 2 > wish.descriptors.length;
}

/**
 * The order customers expect, and can see for themselves in the list: the platform they named,
 * then the kind they named (a neighbouring kind next: channel members for "subscriber telegram"),
 * then the names carrying more of their other words ("indonesia aktif", "86"), then the lower
 * price. Equally relevant services therefore always read cheapest first, so "murah", "paling
 * murah", "termurah" and "cheapest" need no order of their own. The fused score (word and vector
 * search) is invisible to a customer: once a kind is known it only breaks ties of price, then the
 * older shop number.
 */
export function rankProducts(candidates: readonly ProductCandidate[], wish: ProductWish): ProductCandidate[] {
  const family = wish.kind ? kindFamily(wish.kind) : [];
  // Without a kind ("tiktokk liek"), the word and vector searches are the only judge of which
  // services fit the words, so their score is relevance and comes before the price.
  const searchJudges = !wish.kind && wish.descriptors.length > 0;
  const keyed = candidates.map((c) => ({
    c,
    platform: wish.platform && c.platform === wish.platform ? 1 : 0,
    kind: !wish.kind ? 0 : c.kind === wish.kind ? 2 : family.includes(c.kind) ? 1 : 0,
    coverage: wish.descriptors.reduce((n, d) => n + (c.tokens.has(d) ? 1 : 0), 0),
  }));
  keyed.sort(
    (a, b) =>
      b.platform - a.platform ||
      b.kind - a.kind ||
      b.coverage - a.coverage ||
      (searchJudges ? b.c.score - a.c.score : 0) ||
      a.c.price - b.c.price ||
      b.c.score - a.c.score ||
      a.c.sourceId - b.c.sourceId,
  );
  return keyed.map((k) => k.c);
}
