/**
 * The patterns that cut slots out of a customer message (links, usernames, shop numbers, order
 * numbers, amounts, quantities) and the number forms people type ("1k", "1.000", "2,5rb"). Shared
 * by the rule reader and by the guard that checks the LLM's numbers against the message.
 */

export const URL_PATTERN = /(?:https?:\/\/[^\s<>"]+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|me|be|tv|gg|co|app|link|ly|am|ee|in|watch|dog|sg|my)(?:\/[^\s<>"]*)?)/i;
export const USERNAME_PATTERN = /(?:^|\s)(@[A-Za-z0-9._]{1,64})(?=$|\s|[,!?;:])/;
export const EXPLICIT_MID = /(?:^|\s)(?:(?:id|mid|no|nomor|nomer|number|kode|code|layanan|service)\s*[.:#]?\s*|#)(\d{1,7})(?=$|\s|[,.!?])/i;
export const PICK_MID = /(?:^|\s)(?:pilih|ambil|choose|pick|select)\s+(?:(?:id|no|nomor|mid)\s*[.:#]?\s*)?(\d{1,7})(?=$|\s|[,.!?])/i;
/** "yang 3": a pick only when the message names no product ("followers ig yg 1000" is a quantity). */
export const YANG_MID = /(?:^|\s)(?:yg|yang)\s+(?:(?:id|no|nomor|mid)\s*[.:#]?\s*)?(\d{1,7})(?=$|\s|[,.!?])/i;
export const QUANTITY = /(?:^|[\s:=x])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|rb|ribu|jt|juta|m)?(?=$|[\s,!?)]|\.(?:\s|$))/gi;
/** "pesanan 12", "orderan no. 12", "transaksi #12", "order 12" (the last only next to a status word). */
export const ORDER_REF = /(?:^|\s)(pesanan|pesenan|pesananku|orderan|orderanku|order|transaksi|trx|invoice|inv)\s*(?:saya|ku|aku|gw|gue|my)?\s*(?:ke\s*)?(?:no\.?|nomor|nomer|number|num|id)?\s*[:#]?\s*(\d{1,9})(?=$|[\s,.!?)])/i;
/** "refill 12", "refill #12", "garansi 12": the number right after a refill word is an order. */
export const REFILL_REF = /(?:^|\s)(?:refill|refil|reffil|rifil|garansi|klaim|claim)\s*[:#]?\s*(\d{1,9})(?=$|[\s,.!?)])/i;
/** "#12" next to a status or refill word. */
export const HASH_REF = /(?:^|\s)#(\d{1,9})(?=$|[\s,.!?)])/;
/** Rupiah: "50rb", "Rp 50.000", "rp50k", "100.000", "1,5jt". */
export const AMOUNT = /(?:^|\s)(?:rp\.?\s*|idr\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|rb|ribu|jt|juta)?(?=$|[\s,!?]|[.,](?:\s|$))/i;
export const BARE_NUMBER = /^\s*\d[\d.,]*\s*(?:k|rb|ribu)?\s*$/i;

/** The text left after slots are cut out of it, one at a time. */
export function createCutter(message: string) {
  let rest = ` ${message.trim()} `;
  return {
    rest: () => rest,
    /** Cuts the first match out of the text and returns the group asked for. */
    take(pattern: RegExp, group = 0): string | undefined {
      const match = pattern.exec(rest);
      if (!match) return undefined;
      rest = rest.replace(match[0], " ");
      return match[group];
    },
  };
}

/** "1.000", "1,000", "1k", "2,5rb", "1.5k", "2 jt" → whole units; anything else → undefined. */
export function toQuantity(number: string, suffix: string | undefined): number | undefined {
  const unit = suffix?.toLowerCase();
  const multiplier = unit === "k" || unit === "rb" || unit === "ribu" ? 1_000 : unit === "jt" || unit === "juta" || unit === "m" ? 1_000_000 : 1;
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(number);
  const value = grouped && multiplier === 1 ? Number(number.replace(/[.,]/g, "")) : Number(number.replace(",", ".")) * multiplier;
  return Number.isSafeInteger(value) ? value : undefined;
}

const ANY_NUMBER = /(\d+(?:[.,]\d+)*)\s*(k|rb|ribu|jt|juta|m)?(?![a-z])/gi;

/**
 * Every value a number in the text can stand for: "1.000" is 1000, "2rb" is 2000 (and 2), "1.5k"
 * is 1500, "12345678" is itself. Links and @usernames are left out, because a number inside a link
 * is part of the link, never a quantity or an order the customer named.
 */
export function numbersIn(text: string): Set<number> {
  const plain = text.replace(new RegExp(URL_PATTERN.source, "gi"), " ").replace(/@[A-Za-z0-9._]+/g, " ");
  const values = new Set<number>();
  for (const match of plain.matchAll(ANY_NUMBER)) {
    const [, digits, suffix] = match;
    for (const value of [toQuantity(digits!, suffix), toQuantity(digits!, undefined)]) {
      if (value !== undefined) values.add(value);
    }
  }
  return values;
}
