import type { QuestionUnit } from "./knowledge.query.js";
import { wordsOf } from "../language/language.tokens.js";

/** Shortest shared beginning that counts as the same word ("pembayaran" / "pembayarannya", "refunds" / "refund"). */
const SHARED_STEM = 5;

/**
 * Whether a FAQ document answers a question, judged by how much of the question it covers.
 * Ranking alone always returns *something*; a shop assistant must instead say "I don't know"
 * and offer a person when the question is about something the FAQ does not cover ("do you have
 * a branch in Bandung?"). A document must cover at least half of the question's meaningful
 * words, at least one of them read as written (a typo guess alone, "masak" read as "masuk",
 * is not enough).
 */
export function coversQuestion(
  units: readonly QuestionUnit[],
  document: { title: string; body: string; terms: string },
): boolean {
  if (units.length === 0) return false;
  const terms = new Set(document.terms.split(" "));
  const words = new Set(wordsOf(`${document.title} ${document.body}`));
  let covered = 0;
  let certain = false;
  for (const unit of units) {
    const byMeaning = unit.concept !== undefined && terms.has(unit.concept);
    const byWord = hasWord(words, unit.word);
    if (!byMeaning && !byWord) continue;
    covered++;
    if (byWord || !unit.guessed) certain = true;
  }
  return certain && covered * 2 >= units.length;
}

function hasWord(words: ReadonlySet<string>, word: string): boolean {
  if (words.has(word)) return true;
  if (word.length < SHARED_STEM) return false;
  const stem = word.slice(0, SHARED_STEM);
  for (const w of words) if (w.startsWith(stem) && (w.startsWith(word) || word.startsWith(w))) return true;
  return false;
}
