/** Token used inside FTS for a facet or concept: letters and digits only, so the tokenizer keeps it whole. */
export function facetToken(prefix: string, value: string): string {
  return `${prefix}${value.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
}
