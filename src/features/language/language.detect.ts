import { normalizeText } from "../catalog/catalog.vocabulary.js";

/**
 * Which language a customer writes in, from the words that tell Indonesian and English apart: the
 * chat reply language (`detectLanguage`) and a FAQ question's (`questionLanguage`).
 */

// Only words that tell the languages apart: "followers", "order" or "hi" are everyday Indonesian too.
const ID_WORDS = new Set(
  "saya aku mau beli dong ya yang yg untuk buat dan atau dengan tolong berapa brp harga murah pengikut suka tayangan penonton komen gak nggak gk ga tidak bisa ada kak gan sudah udah udh belum blm bayar pesanan pesan jadi kok sih nih deh apa gimana terima kasih makasih pake pakai bgt banget isi saldo cek lama aman bicara kabar".split(
    " ",
  ),
);
const EN_WORDS = new Set(
  "i want to buy the please my for and or with how much price cheap need can you is are pay get some thanks thank would like what where long does it take safe talk human policy".split(
    " ",
  ),
);

/** A language only when the words say so clearly; otherwise the customer's current one stays. */
export function detectLanguage(text: string): "id" | "en" | undefined {
  const words = normalizeText(text).trim().split(" ");
  let id = 0;
  let en = 0;
  for (const w of words) {
    if (ID_WORDS.has(w)) id++;
    if (EN_WORDS.has(w)) en++;
  }
  if (id > en) return "id";
  // One English-looking word in an Indonesian message proves little; two do.
  if (en >= 2 && en > id) return "en";
  return undefined;
}

// Words only one of the two languages uses in questions to a shop (the FAQ reader's own, tuned on its questions).
const ID_MARKERS = new Set(
  "gimana bagaimana cara bayar berapa lama apa apakah kak saya aku gue bisa perlu ga gak nggak itu mau sama kalau kalo pake pakai dong ya nya turun ngomong bicara hubungi sudah udah belum kenapa kok harus butuh dana pesanan".split(
    " ",
  ),
);
const EN_MARKERS = new Set(
  "how what why when do does did i my you your is are the to can could need long take contact reach pay payment refund money talk human order orders much should".split(
    " ",
  ),
);

/** The language of a question when its words say so; undefined when they do not. */
export function questionLanguage(words: readonly string[]): "id" | "en" | undefined {
  let id = 0;
  let en = 0;
  for (const w of words) {
    if (ID_MARKERS.has(w)) id++;
    if (EN_MARKERS.has(w)) en++;
  }
  return id > en ? "id" : en > id ? "en" : undefined;
}
