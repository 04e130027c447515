import { Embeddings } from "@langchain/core/embeddings";

/** Features of a text: names and weights. The caller decides what a feature is (words, meanings, n-grams). */
export type Featurizer = (text: string) => Iterable<readonly [feature: string, weight: number]>;

export interface HashingEmbeddingsOptions {
  dimensions: number;
  featurize: Featurizer;
}

/**
 * A deterministic embedder that needs no network and no model weights: every feature is hashed
 * to one dimension with a sign (the "hashing trick"), and the vector is L2-normalised so cosine
 * distance compares texts by the features they share. Used when no OpenAI key is configured, and
 * in tests and benchmarks.
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly featurize: Featurizer;

  constructor(options: HashingEmbeddingsOptions) {
    super({});
    if (!Number.isInteger(options.dimensions) || options.dimensions < 8)
      throw new Error("HashingEmbeddings needs at least 8 dimensions");
    this.dimensions = options.dimensions;
    this.featurize = options.featurize;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.vectorOf(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.vectorOf(text);
  }

  vectorOf(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    for (const [feature, weight] of this.featurize(text)) {
      const hash = fnv1a(feature);
      vector[hash % this.dimensions]! += hash & 0x80000000 ? -weight : weight;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    // An empty text still needs a unit vector: cosine distance to a zero vector is undefined.
    if (norm === 0) return Array.from({ length: this.dimensions }, (_, i) => (i === 0 ? 1 : 0));
    const scale = 1 / Math.sqrt(norm);
    return Array.from(vector, (v) => v * scale);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
