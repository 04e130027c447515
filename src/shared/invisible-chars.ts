/**
 * Characters a reader cannot see but a program reads: zero-width spaces and joiners, bidi
 * controls (which can make "moc.margatsni" read as "instagram.com"), the BOM, soft hyphens and
 * other C0/C1 control characters. Tab and newline are kept.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
