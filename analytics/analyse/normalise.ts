// Text normalisation applied once, before anything else reads the text.
// Keeps the resident's words; removes what breaks tokenisers and screens.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g;
const SPACES = /[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const MANY_NEWLINES = /\n{3,}/g;

/** Anything the replacements below would change (most texts have none of it). */
const NEEDS_WORK = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF\t\u00A0\u2000-\u200A\u202F\u205F\u3000]| [ \n]|\n |\n\n\n|^\s|\s$/;

export function normaliseText(text: string): string {
  const nfc = text.normalize('NFC');
  if (!NEEDS_WORK.test(nfc)) return nfc;
  return nfc
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(/ *\n */g, '\n')
    .replace(MANY_NEWLINES, '\n\n')
    .trim();
}

/** True when the text still contains U+FFFD — it arrived in a wrong encoding. */
export function looksMisencoded(text: string): boolean {
  const bad = text.match(/\uFFFD/g)?.length ?? 0;
  return bad > 0 && bad / text.length > 0.02;
}
