/** What both vector stores refuse before writing: a vector per document, each of the table's size. */
export function checkVectorBatch(
  vectors: readonly number[][],
  documents: readonly unknown[],
  dimensions: number,
): void {
  if (vectors.length !== documents.length)
    throw new Error(`${vectors.length} vectors for ${documents.length} documents`);
  const bad = vectors.find((v) => v.length !== dimensions);
  if (bad) throw new Error(`a vector has ${bad.length} dimensions; the table holds ${dimensions}`);
}
