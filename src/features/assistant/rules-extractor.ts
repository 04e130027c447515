import { isGame } from "../catalog/catalog.games.js";
import { detectKind, detectPlatform, normalizeText, type Kind, type Platform } from "../catalog/catalog.vocabulary.js";
import { parseAccount } from "../checkout/checkout.target.js";

/**
 * Reads a customer message with rules only: what they want to do and the slots they gave (a shop
 * number, a link or @username, a quantity, a platform, a kind). Several slots can come in one
 * message ("ID 12 https://instagram.com/budi 1000"). This is the path with no LLM at all.
 */
export type Intent = "browse" | "select" | "details" | "confirm" | "cancel" | "greeting" | "help" | "balance" | "orders" | "unknown";

export interface Understanding {
  intent: Intent;
  platform: Platform | undefined;
  kind: Kind | undefined;
  /** A shop number named explicitly ("ID 2", "pilih 2", "#2"). */
  mid: number | undefined;
  target: string | undefined;
  /** Game zone or server, when a player id came with one. */
  zone: string | undefined;
  /** The message read as a top-up account, in case the service picked turns out to be one ("ID 313 12345678 (1234)"). */
  account: { target: string; zone: string | undefined } | undefined;
  quantity: number | undefined;
  /** The whole message is one number: a pick or a quantity, depending on what was asked. */
  bareNumber: number | undefined;
  language: "id" | "en" | undefined;
}

const URL_PATTERN = /(?:https?:\/\/[^\s<>"]+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|me|be|tv|gg|co|app|link|ly|am|ee|in|watch|dog|sg|my)(?:\/[^\s<>"]*)?)/i;
const USERNAME_PATTERN = /(?:^|\s)(@[A-Za-z0-9._]{1,64})(?=$|\s|[,!?;:])/;
const EXPLICIT_MID = /(?:^|\s)(?:(?:id|mid|no|nomor|nomer|number|kode|code|layanan|service)\s*[.:#]?\s*|#)(\d{1,7})(?=$|\s|[,.!?])/i;
const PICK_MID = /(?:^|\s)(?:pilih|ambil|choose|pick|select|yg|yang)\s+(?:(?:id|no|nomor|mid)\s*[.:#]?\s*)?(\d{1,7})(?=$|\s|[,.!?])/i;
const QUANTITY = /(?:^|[\s:=x])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|rb|ribu|jt|juta|m)?(?=$|[\s,!?)]|\.(?:\s|$))/gi;

const CANCEL = /^(?:batal|batalkan|cancel|gak jadi|ga jadi|nggak jadi|enggak jadi|tidak jadi|gajadi|stop|keluar|exit)\b/i;
const CONFIRM = /^(?:ya|iya|y|yes|ok|oke|okay|okey|lanjut|bayar|pay|setuju|gas|gass|sip|siap|yup|yoi|mantap|confirm|konfirmasi|deal)\b/i;
const GREETING = /^(?:hi|hai|halo|hallo|hello|helo|hey|pagi|siang|sore|malam|selamat \w+|assalamu.?alaikum|p|ping|min|permisi|start|mulai)\b/i;
const HELP = /\b(?:help|bantuan|tolong|cara|gimana|bagaimana|how to|how do|panduan|menu)\b/i;
const BALANCE = /\b(?:saldo|balance|dompet|wallet)\b/i;
const ORDERS = /\b(?:pesanan saya|pesananku|order saya|orderan|my orders?|riwayat|history|status pesanan|status order|cek pesanan|cek order|lacak)\b/i;
const WANT = /\b(?:beli|mau|pengen|pingin|ingin|order|pesan|buy|want|need|butuh|cari|nambah|tambah|naikin|boost|jual|harga|price|list|daftar)\b/i;

// Only words that tell the languages apart: "followers", "order" or "hi" are everyday Indonesian too.
const ID_WORDS = new Set("saya aku mau beli dong ya yang untuk buat dan atau dengan tolong berapa harga murah pengikut suka tayangan penonton komen gak nggak tidak bisa ada kak gan sudah udah bayar pesanan pesan jadi kok sih nih deh apa gimana terima kasih".split(" "));
const EN_WORDS = new Set("i want to buy the please my for and or with how much price cheap need can you is are pay get some thanks thank would like".split(" "));

export function understand(message: string): Understanding {
  const gameContext = isGameMessage(message);
  let rest = ` ${message.trim()} `;
  const take = (pattern: RegExp, group = 0): string | undefined => {
    const match = pattern.exec(rest);
    if (!match) return undefined;
    rest = rest.replace(match[0], " ");
    return match[group];
  };

  // Punctuation that ends a sentence or separates slots is not part of a link or a username.
  const url = take(URL_PATTERN)?.replace(/[.,;:!?)\]]+$/, "");
  const username = url ? undefined : take(USERNAME_PATTERN, 1)?.replace(/[.]+$/, "");
  // In a game top-up, "id 12345678 (1234)" is the player's account and "86" the product: no shop number, no quantity.
  const account = gameContext && !url && !username ? parseAccount(rest) : undefined;
  const midText = gameContext ? undefined : (take(EXPLICIT_MID, 1) ?? take(PICK_MID, 1));
  const quantities = gameContext ? [] : [...rest.matchAll(QUANTITY)].map((m) => toQuantity(m[1]!, m[2]));
  const words = normalizeText(rest).trim();
  // "x 1000" / "2 x" is a multiplication sign, not X (Twitter).
  const platformText = rest.replace(/(?:^|\s)x(?=\s*\d)|(?<=\d\s*)x(?=\s|$)/gi, " ");
  const bareNumber = !gameContext && !url && !username && !midText && /^\s*\d[\d.,]*\s*(?:k|rb|ribu)?\s*$/i.test(rest) ? quantities[0] : undefined;

  const understanding: Understanding = {
    intent: "unknown",
    platform: detectPlatform(platformText),
    kind: detectKind(rest),
    mid: midText === undefined ? undefined : Number(midText),
    target: url ?? username ?? account?.target,
    zone: account?.zone,
    account: account ?? (url || username ? undefined : parseAccount(rest)),
    quantity: bareNumber === undefined ? quantities.find((q) => q !== undefined && q > 0) : undefined,
    bareNumber,
    language: detectLanguage(message),
  };
  understanding.intent = intentOf(message.trim(), understanding, words);
  return understanding;
}

/** A message about a game top-up: it names a game, or game currency. */
function isGameMessage(message: string): boolean {
  const platform = detectPlatform(message);
  const kind = detectKind(message);
  return (platform !== undefined && isGame(platform)) || kind === "diamonds" || kind === "membership";
}

function intentOf(text: string, u: Understanding, words: string): Intent {
  if (u.mid !== undefined) return "select";
  if (CANCEL.test(text)) return "cancel";
  if (BALANCE.test(text) && !u.platform && !u.kind) return "balance";
  if (ORDERS.test(text)) return "orders";
  if (u.platform || u.kind) return "browse";
  if (u.target || u.quantity !== undefined || u.bareNumber !== undefined) return "details";
  if (CONFIRM.test(text) && words.split(" ").length <= 3) return "confirm";
  if (HELP.test(text)) return "help";
  if (GREETING.test(text)) return "greeting";
  if (WANT.test(text)) return "browse";
  return "unknown";
}

/** "1.000", "1,000", "1k", "2,5rb", "1.5k", "2 jt" → whole units; anything else → undefined. */
export function toQuantity(number: string, suffix: string | undefined): number | undefined {
  const unit = suffix?.toLowerCase();
  const multiplier = unit === "k" || unit === "rb" || unit === "ribu" ? 1_000 : unit === "jt" || unit === "juta" || unit === "m" ? 1_000_000 : 1;
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(number);
  const value = grouped && multiplier === 1 ? Number(number.replace(/[.,]/g, "")) : Number(number.replace(",", ".")) * multiplier;
  return Number.isSafeInteger(value) ? value : undefined;
}

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
