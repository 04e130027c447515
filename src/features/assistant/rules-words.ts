/**
 * The words the rule reader knows, in Indonesian, English and chat slang, grouped by what they
 * signal. Phrases are matched on `normalizeText` output (lower case, punctuation as spaces), so
 * they are written without punctuation. Every word listed here counts as "explained" when the
 * reader decides whether it understood a whole message.
 */

import { FILLERS, words } from "../language/language.stopwords.js";

/** Words that carry no meaning for the intent: kept in the language module beside search's stopwords. */
export { FILLERS };

/** Asking for a product: explained words that are not part of the product description. */
export const WANT_WORDS = words(`
  beli membeli order pesan pesen buy purchase cari carikan nyari nambah tambah tambahin naikin naikkan
  boost jual harga price prices list daftar lihat liat show see katalog catalog produk product
  layanan service services paket package menu
`);

/** Wishing, which makes an otherwise unreadable message a product request ("mau yang bagus"). */
export const WISH_WORDS = words(`mau pengen pingin ingin pgn want wanna need butuh`);

/** Contrast and negation that change what a product request means: the LLM reads those. */
export const CONTRAST_WORDS = words(`bukan jangan not dont don t except kecuali selain tapi tp but instead ganti`);

/** Starts a message that stops the current purchase (see `isCancel`). */
export const CANCEL_PHRASES = [
  "batal",
  "batalkan",
  "batalin",
  "cancel",
  "gak jadi",
  "ga jadi",
  "gk jadi",
  "nggak jadi",
  "ngga jadi",
  "enggak jadi",
  "tidak jadi",
  "gajadi",
  "gak jd",
  "ga jd",
  "gk jd",
  "ga usah",
  "gak usah",
  "nggak usah",
  "gausah",
  "never mind",
  "nevermind",
  "stop",
  "keluar",
  "exit",
  "udahan",
];
/** Cancel words that also count when they are not the first word ("pesanan 12 batalin aja"). */
export const CANCEL_ANYWHERE = [
  "batal",
  "batalkan",
  "batalin",
  "cancel",
  "gak jadi",
  "ga jadi",
  "gk jadi",
  "nggak jadi",
  "tidak jadi",
  "gajadi",
];

/** A whole message made of these is a yes. */
export const CONFIRM_WORDS = words(`
  ya iya iyaa y yes yess yup yep yoi ok oke okay okey okee okeh lanjut lanjutkan bayar pay setuju gas gass gaskan
  sip siap mantap confirm konfirmasi deal boleh betul bener benar correct proceed sure go ahead please continue now sekarang
`);
/** A whole message made of these is a no (read as cancel only when the bot asked for a yes or no). */
export const NO_WORDS = words(`no nope tidak gak ga gk nggak enggak engga ngga ndak jangan nggk`);

/** Wanting a person. Verbs and who, matched as a pair, or one of `HUMAN_ALONE` as the whole message. */
export const HUMAN_VERBS = words(
  `bicara ngomong ngobrol omong chat hubungi hubungkan kontak contact talk speak sambungkan sambungin panggil panggilin connect minta call dm reach`,
);
export const HUMAN_WHO = words(
  `admin cs customer operator manusia human person agent owner staff petugas support someone seseorang pemilik`,
);
export const HUMAN_ALONE = [
  "admin",
  "cs",
  "operator",
  "human",
  "agent",
  "customer service",
  "live chat",
  "live agent",
  "owner",
  "support",
  "manusia",
  "real person",
  "komplain",
  "complain",
];

/** Order numbers are named after these nouns ("pesanan 12"); plain "order 12" needs a status word too. */
export const ORDER_NOUNS = [
  "pesanan",
  "pesenan",
  "pesananku",
  "orderan",
  "orderanku",
  "transaksi",
  "trx",
  "invoice",
  "inv",
];

/** Asking how an order is doing. */
export const STATUS_WORDS = words(`
  cek check status lacak track tracking sampai nyampe nyampai masuk gimana bagaimana kapan belum blm udah sudah progress proses diproses
  where mana update info selesai done kabar
`);
export const STATUS_PHRASES = [
  "follow up",
  "followup",
  "status pesanan",
  "status order",
  "cek pesanan",
  "cek order",
  "cek orderan",
  "check order",
  "check my order",
  "lacak pesanan",
  "track order",
  "track my order",
  "where is my order",
  "belum masuk",
  "belum sampai",
  "blm masuk",
  "kok belum",
  "kapan masuk",
  "udah bayar",
  "sudah bayar",
  "sudah transfer",
  "udah transfer",
];
export const HISTORY_PHRASES = [
  "pesanan saya",
  "pesanan aku",
  "pesanan gw",
  "pesanan gue",
  "pesanan ku",
  "pesananku",
  "order saya",
  "order aku",
  "orderan saya",
  "orderan aku",
  "orderan gw",
  "orderan gue",
  "orderan ku",
  "orderanku",
  "my orders",
  "my order",
  "riwayat",
  "history",
  "daftar pesanan",
  "semua pesanan",
  "list pesanan",
  "order history",
  "past orders",
];

export const BALANCE_WORDS = words(`saldo balance dompet wallet`);
/** "isi saldo", "top up saldo", "deposit": putting money in the wallet. */
export const TOPUP_VERBS = [
  "isi",
  "tambah",
  "nambah",
  "top up",
  "topup",
  "topap",
  "deposit",
  "depo",
  "add",
  "load",
  "fill",
  "recharge",
  "setor",
  "add funds",
];

export const REFILL_WORDS = words(`refill refil reffil rifil refil garansi klaim claim`);
/** "followers turun": the count dropped, which is what a refill fixes. */
export const DROP_WORDS = words(`turun drop berkurang kurang ilang hilang nurun dropped decreased`);
/**
 * Refunds: the word itself, or money said to come back ("uang saya kembali?", "duitnya balik gak",
 * "money back"). The money word and the coming back are matched a few words apart (`asksRefund`).
 */
export const REFUND_WORDS = words(`refund refunds refunded refundnya direfund refun rifund`);
export const MONEY_WORDS = words(`uang uangnya duit duitnya dana dananya money`);
export const BACK_WORDS = words(
  `kembali balik back dikembalikan kembalikan dikembaliin kembaliin balikin pengembalian`,
);

export const REQUEST_VERBS = words(`minta mohon tolong request ajukan please pls mau want need butuh`);

/**
 * Questions the shop's FAQ answers (processing time, safety, payment, refund and refill policy,
 * account requirements, opening hours). Phrases are questions by themselves; the single words are
 * also product attributes ("followers ig permanen"), so they count only in a question form.
 */
export const QUESTION_PHRASES = [
  "berapa lama",
  "brp lama",
  "lama gak",
  "lama ga",
  "lama nggak",
  "lama gk",
  "lama proses",
  "prosesnya berapa",
  "kapan masuk",
  "kapan selesai",
  "berapa jam",
  "berapa hari",
  "estimasi",
  "waktu proses",
  "how long",
  "how fast",
  "how soon",
  "does it take",
  "aman gak",
  "aman ga",
  "aman gk",
  "aman nggak",
  "aman tidak",
  "apakah aman",
  "aman kah",
  "amankah",
  "is it safe",
  "is this safe",
  "kena ban",
  "bayar pakai",
  "bayar pake",
  "bayar via",
  "bayar lewat",
  "bayar gimana",
  "metode pembayaran",
  "metode bayar",
  "cara bayar",
  "cara pembayaran",
  "payment method",
  "payment methods",
  "pay with",
  "pay by",
  "how to pay",
  "how can i pay",
  "how do i pay",
  "bisa bayar",
  "terima pembayaran",
  "refund policy",
  "kebijakan refund",
  "bisa refund",
  "bisa di refund",
  "uang kembali",
  "uang balik",
  "dana balik",
  "money back",
  "pengembalian dana",
  "syarat dan ketentuan",
  "terms and conditions",
  "minimal order",
  "min order",
  "minimum order",
  "order minimal",
  "maksimal order",
  "max order",
  "jam buka",
  "jam operasional",
  "jam berapa",
  "online jam",
  "open hours",
  "opening hours",
  "harus public",
  "harus publik",
  "perlu password",
  "need my password",
  "must be public",
];
export const QUESTION_TOPIC_WORDS = words(`
  aman safe banned ban legal resmi trusted terpercaya penipu scam amanah risiko resiko risk
  refund refunds kebijakan policy syarat ketentuan minimal minimum maksimal maximum
  private privat password sandi gembok qris pembayaran bayarnya payment prosesnya proses lama masuknya otomatis manual
`);
/**
 * Words that are questions about the shop when no product is named ("garansinya berapa hari?",
 * "bisa turun gak?") but a wish for a kind of product when one is ("followers ig refill 30 hari ada?").
 */
export const ATTRIBUTE_TOPIC_WORDS = words(
  `refill refil garansi guarantee warranty permanen permanent turun drop berkurang nurun`,
);
/** Words that only say "this is a question": never part of a product query. */
export const QUESTION_PARTICLES = words(
  `apa apakah gimana bagaimana bisa gak ga kah kan what how is are does do can will it there tanya nanya`,
);
/** Every word of the question phrases and particles, explained when deciding confidence. */
export const QUESTION_WORDS = words(`${QUESTION_PHRASES.join(" ")} ${[...QUESTION_PARTICLES].join(" ")}`);

export const THANKS_PHRASES = [
  "makasih",
  "makasi",
  "makaci",
  "mksh",
  "makasiih",
  "maksih",
  "trims",
  "trimakasih",
  "terima kasih",
  "terimakasih",
  "thanks",
  "thank you",
  "thank",
  "thx",
  "tq",
  "ty",
  "tengkyu",
  "tenkyu",
  "nuhun",
  "suwun",
  "matur nuwun",
];
export const SMALLTALK_PHRASES = [
  "apa kabar",
  "how are you",
  "kabar baik",
  "lol",
  "lmao",
  "mantul",
  "keren",
  "nice",
  "cool",
  "great",
  "good bot",
  "siapa kamu",
  "who are you",
  "kamu bot",
  "are you a bot",
  "selamat ya",
  "good job",
  "sehat",
  "udh masuk",
  "udah masuk",
  "sudah masuk",
  "masuk semua",
  "udah sampai",
  "sudah sampai",
  "lagi apa",
];
/** Laughter: "wkwk", "wkwkwk", "hahaha", "hehe", "xixixi". */
export const LAUGHTER =
  /^(?:w?k(?:wk)+w?|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){2,}h?|(?:xi){2,}|a?wkwk\w*|haha\w*|hehe\w*)$/;

export const GREETING_WORDS = words(`
  hi hai hay halo hallo hello helo hey hei pagi siang sore malam selamat assalamualaikum assalamu alaikum salam p ping permisi start mulai
  morning afternoon evening good
`);
export const HELP_WORDS = words(
  `help bantuan bingung confused tolong cara gimana bagaimana panduan menu tutorial info informasi bisa apa`,
);
export const HELP_PHRASES = [
  "help",
  "bantuan",
  "bingung",
  "confused",
  "cara order",
  "cara beli",
  "cara pesan",
  "cara pakai",
  "cara kerja",
  "gimana cara",
  "bagaimana cara",
  "how to",
  "how do",
  "how does",
  "what can you do",
  "bisa apa",
  "panduan",
  "menu",
  "tutorial",
  "tolong",
];

/** Words that start or end a question, for messages the rules cannot place otherwise. */
export const QUESTION_STARTERS = words(
  `apa apakah gimana bagaimana kenapa mengapa kapan dimana berapa brp bisakah bolehkah what how why when where which can could is are does do will`,
);

/** Every word of every list above, for deciding whether a message was read completely. */
export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...FILLERS,
  ...WANT_WORDS,
  ...CONFIRM_WORDS,
  ...NO_WORDS,
  ...HUMAN_VERBS,
  ...HUMAN_WHO,
  ...STATUS_WORDS,
  ...BALANCE_WORDS,
  ...REFILL_WORDS,
  ...DROP_WORDS,
  ...REFUND_WORDS,
  ...MONEY_WORDS,
  ...BACK_WORDS,
  ...REQUEST_VERBS,
  ...QUESTION_WORDS,
  ...QUESTION_TOPIC_WORDS,
  ...ATTRIBUTE_TOPIC_WORDS,
  ...GREETING_WORDS,
  ...HELP_WORDS,
  ...QUESTION_STARTERS,
  ...[
    ...CANCEL_PHRASES,
    ...HUMAN_ALONE,
    ...ORDER_NOUNS,
    ...STATUS_PHRASES,
    ...HISTORY_PHRASES,
    ...TOPUP_VERBS,
    ...THANKS_PHRASES,
    ...SMALLTALK_PHRASES,
    ...HELP_PHRASES,
  ].flatMap((p) => p.split(" ")),
]);

/**
 * Signs of an attempt to instruct the bot instead of shopping (OWASP LLM01): overriding rules,
 * claiming a role, fake system markup, commands on prices, payments, balances or the database.
 * The rules never act on such a message; what is left of a product request is still read.
 */
export const INJECTION_MARKERS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules?|prompts?|above|previous|prior)\b/i,
  /\b(?:abaikan|lupakan|lupain|acuhkan)\b/i,
  /\bsystem\s*(?:prompt|override|:)|<\/?(?:system|user|assistant)>|\[\/?inst\]|\{\{\s*system\s*\}\}|^\s*#{2,}/im,
  /\b(?:you are now|you're now|you are an? (?:admin|owner|developer)|act as|pretend|role[- ]?play|jailbreak|developer mode|admin mode|mode admin|god mode|dan mode)\b|\bnow dan\b/i,
  /\b(?:kamu sekarang|sekarang kamu|mulai sekarang|from now on|kamu bukan bot|this is the admin|admin speaking|admin di ?sini|as the (?:shop )?owner|i authori[sz]e)\b/i,
  /\b(?:mark|tandai)\b.{0,30}\b(?:paid|lunas|selesai|done|completed)\b|\bsudah lunas\b|\bpayment succeeded\b|\bpembayaran berhasil\b|\bis paid\b/i,
  /\b(?:grant|tambahkan saldo|add balance|kasih saldo|set saldo|kode voucher|for free|tanpa bayar|without pay(?:ing|ment)?|gratis|free of charge|diskon 100|100% off)\b/i,
  /\b(?:reveal|print|show|ulangi|tampilkan|bocorkan)\b.{0,30}\b(?:system prompt|prompt|api keys?|instructions|token|admin (?:telegram )?id)\b/i,
  /\b(?:drop table|delete from|select \* from|insert into|jalankan perintah|execute command|rm -rf)\b/i,
  /\brefund\b.{0,25}\b(?:semua|all|every|now)\b|\b(?:cancel|batalkan) (?:every|all|semua)\b/i,
];
/** An injection that tries to set a price: nothing of it is a product request. */
export const PRICE_COMMAND =
  /\b(?:set|ubah|ganti)\s+(?:the\s+)?(?:price|harga)|\bharga\b.{0,30}\bjadi\b|\bprice to\b|\bsemua harga\b/i;
