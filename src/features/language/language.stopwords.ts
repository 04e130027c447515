/**
 * The words that carry no meaning for a reader of customer text, written once. Three readers drop
 * different amounts: the intent rules (`FILLERS`, which keep "beli", "harga", "admin" because
 * those are the intent), product search (`STOPWORDS`, which also drops the verbs of buying and
 * account words) and FAQ questions (`QUESTION_STOPWORDS`, which keep "admin", "id", "bayar"
 * because those carry the question). Each word sits in exactly one group below; a group says
 * which readers drop it, so a word added for one reader cannot silently drift from the others.
 */

/** Forms of address, particles, pronouns, prepositions, plain negation and wishing: every reader drops them. */
const EVERY_READER = words(`
  kak ka kk kakak gan agan min mimin bang bro sis om mas mbak dong donk nih deh sih kok ya yah yaa aja ajah
  saja juga jg please pls plz tolong yg yang the a an my saya aku gue gua gw i me ku kamu you your for to di
  ke dari dan atau dengan dgn with gk ga gak nggak enggak ngga ada mau pengen ingin
`);

/** Dropped by the intent rules and product search, kept in questions. */
const RULES_AND_SEARCH = words(`
  bos boss untuk utk buat bgt banget engga tidak tdk pingin pgn want wanna need akun account user lagi lg
`);

/** Dropped by the intent rules and questions, kept by product search. */
const RULES_AND_QUESTIONS = words(`
  and itu ini this that punya
`);

/** Dropped by product search and questions, explained elsewhere by the intent rules (greetings, question words). */
const SEARCH_AND_QUESTIONS = words(`
  ak tuh yuk kan lho loh adakah apa apakah berapa brp bisa mba halo hai hi hello helo hey pagi siang sore
  malam selamat permisi makasih terima kasih thanks thx we our of on in at is are do does can could how what
`);

/** Only the intent rules: slang, the product's own nouns ("postingan", "link"), quantity words, "murah". */
const RULES_ONLY = words(`
  bu pak dng ni dah yak iya iyaa lah kah pun mohon nya ane u dr n or sama sm udah sudah udh sangat very so
  really ndak butuh perlu murah termurah cheap cheapest bagus best good postingan post posting video foto
  photo reels konten content channel profil profile link linknya username jumlah sebanyak qty pcs biji total
  ok oke okay d s t ll m re ve
`);

/** Only product search: the verbs of buying, account and number labels, durations, top-up words. */
const SEARCH_ONLY = words(`
  beli membeli order pesan pesen bikin bwt ayo dulu dl bngt pakai pake harga hrg bantu bs cuy bre admin
  assalamualaikum buy some get got add more much many which any give send tambah nambah tambahin naikin
  naikkan naikan boost jasa layanan service services paket package jual sell harganya acc shop toko owner
  nomor nomer number no id player server zone zona hari day days hr jam hour hours biar supaya agar keliatan
  rame ramai baru coba sekarang now isi ulang topup top up
`);

/** Only questions: question words and conditionals that product search does not meet. */
const QUESTIONS_ONLY = words(`
  anda gimana bagaimana gmn kalau kalo klo if would cara kalian disini sini there it
`);

/** Words that carry no meaning for the intent rules (see `rules-words.ts`). */
export const FILLERS: ReadonlySet<string> = union(EVERY_READER, RULES_AND_SEARCH, RULES_AND_QUESTIONS, RULES_ONLY);

/** Words that carry no product meaning: what product search leaves out. */
export const STOPWORDS: ReadonlySet<string> = union(EVERY_READER, RULES_AND_SEARCH, SEARCH_AND_QUESTIONS, SEARCH_ONLY);

/** For questions (the FAQ): only greetings, particles and pronouns go; "admin", "id", "bayar" carry the question. */
export const QUESTION_STOPWORDS: ReadonlySet<string> = union(
  EVERY_READER,
  RULES_AND_QUESTIONS,
  SEARCH_AND_QUESTIONS,
  QUESTIONS_ONLY,
);

/** A word list written as text, one word per blank-separated entry. */
export function words(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

function union(...sets: ReadonlyArray<ReadonlySet<string>>): ReadonlySet<string> {
  return new Set(sets.flatMap((s) => [...s]));
}
