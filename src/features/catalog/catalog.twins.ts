/**
 * Twins: the same product sold by two suppliers ("Mobile Legends 86 Diamonds" at one, "MOBILE
 * LEGENDS 86 Diamond" at another). Customers should see one of them; the other is worth keeping as
 * its backup. A twin has the same platform, kind, unit and target, the same numbers in its name
 * (86 diamonds is not 172) and mostly the same words.
 */
export interface TwinCandidate {
  mid: number;
  name: string;
  platform: string;
  kind: string;
  unitSize: number;
  targetKind: string;
  providerId: number;
}

/** Below this share of common words two names are different products. */
const SIMILAR_ENOUGH = 0.5;

function words(name: string): string[] {
  return (
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
      // "Diamonds" and "Diamond", "Followers" and "Follower" are the same word here.
      .map((w) => (w.length > 3 && w.endsWith("s") && !/\d/.test(w) ? w.slice(0, -1) : w))
  );
}

/** How alike two names are, 0–1 (shared words over all words); 0 when their numbers differ. */
export function nameSimilarity(a: string, b: string): number {
  const [wa, wb] = [new Set(words(a)), new Set(words(b))];
  const numbers = (set: Set<string>) =>
    [...set]
      .filter((w) => /\d/.test(w))
      .sort()
      .join(" ");
  if (numbers(wa) !== numbers(wb)) return 0;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const all = new Set([...wa, ...wb]).size;
  return all === 0 ? 0 : shared / all;
}

/** The services that look like `service` at other suppliers, most alike first. */
export function twinsOf<T extends TwinCandidate>(
  service: TwinCandidate,
  candidates: readonly T[],
): Array<T & { similarity: number }> {
  return candidates
    .filter(
      (c) =>
        c.mid !== service.mid &&
        c.providerId !== service.providerId &&
        c.platform === service.platform &&
        c.kind === service.kind &&
        c.unitSize === service.unitSize &&
        c.targetKind === service.targetKind,
    )
    .map((c) => ({ ...c, similarity: nameSimilarity(service.name, c.name) }))
    .filter((c) => c.similarity >= SIMILAR_ENOUGH)
    .sort((a, b) => b.similarity - a.similarity || a.mid - b.mid);
}
