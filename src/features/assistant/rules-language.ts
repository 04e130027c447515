import { normalizeText } from "../catalog/catalog.vocabulary.js";

// Only words that tell the languages apart: "followers", "order" or "hi" are everyday Indonesian too.
const ID_WORDS = new Set(
  "saya aku mau beli dong ya yang yg untuk buat dan atau dengan tolong berapa brp harga murah pengikut suka tayangan penonton komen gak nggak gk ga tidak bisa ada kak gan sudah udah udh belum blm bayar pesanan pesan jadi kok sih nih deh apa gimana terima kasih makasih pake pakai bgt banget isi saldo cek lama aman bicara kabar".split(" "),
);
const EN_WORDS = new Set("i want to buy the please my for and or with how much price cheap need can you is are pay get some thanks thank would like what where long does it take safe talk human policy".split(" "));

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
