/**
 * Words that carry no product meaning (greetings, particles, pronouns, chat fillers, the verbs of
 * wanting and buying) in Indonesian, English and slang — one list for product search, a shorter
 * one for questions, where "admin", "id" or "bayar" are the question.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `mau ingin pengen pingin pgn beli membeli order pesan pesen buat bikin untuk utk bwt saya aku ak gue gua gw ku kamu
  dong donk deh sih nih tuh ya yah yaa yuk ayo aja ajah saja juga jg lagi lg dulu dl banget bgt bngt kok kan lho loh
  yang yg di ke dari dan atau dengan dgn pakai pake ada adakah apa apakah berapa brp harga hrg tolong bantu bisa bs
  min mimin kak ka kk kakak gan agan bang bro sis om mas mba mbak bos boss cuy bre admin
  gak ga gk nggak ngga enggak tidak tdk engga
  halo hai hi hello helo hey pagi siang sore malam selamat permisi assalamualaikum
  makasih terima kasih thanks thx please pls plz
  the a an i me my we our you your want wanna to buy need for of on in at is are do does can could some get got add
  more how much many what which any with please give send
  tambah nambah tambahin naikin naikkan naikan boost jasa layanan service services paket package jual sell harganya
  akun account acc shop toko owner nomor nomer number no id player user server zone zona
  hari day days hr jam hour hours
  biar supaya agar keliatan rame ramai baru aja coba sekarang now
  isi ulang topup top up`.split(/\s+/),
);

/** For questions (the FAQ): only greetings, particles and pronouns go; "admin", "id", "bayar" carry the question. */
export const QUESTION_STOPWORDS: ReadonlySet<string> = new Set(
  `dong donk deh sih nih tuh ya yah yaa yuk aja ajah saja juga jg kok kan lho loh kak ka kk kakak gan agan bang bro sis om mas mba mbak min mimin
  halo hai hi hello helo hey pagi siang sore malam selamat permisi makasih terima kasih thanks thx please pls plz
  saya aku ak gue gua gw ku kamu anda i me my we our you your the a an to of for in on at is are do does di ke dari yang yg itu ini
  and dan atau with dengan dgn apa apakah gimana bagaimana gmn how what kalau kalo klo if mau ingin pengen bisa can could would
  cara berapa brp gak ga gk nggak ngga enggak kalian punya disini sini ada adakah tolong this that there it`.split(/\s+/),
);

// Words only one of the two languages uses in questions to a shop.
const ID_MARKERS = new Set("gimana bagaimana cara bayar berapa lama apa apakah kak saya aku gue bisa perlu ga gak nggak itu mau sama kalau kalo pake pakai dong ya nya turun ngomong bicara hubungi sudah udah belum kenapa kok harus butuh dana pesanan".split(" "));
const EN_MARKERS = new Set("how what why when do does did i my you your is are the to can could need long take contact reach pay payment refund money talk human order orders much should".split(" "));

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
