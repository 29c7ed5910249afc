// Russian tokeniser and memoised stemmer.
//
// Only natural's PorterStemmerRu module file is imported: loading `natural` as a
// whole pulls in storage back-ends (dotenv banners on stdout, ~0.5 s start-up),
// and its tokenisers mishandle Cyrillic (see ../shared/reference/perf-limits.md §3.6).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const porterRu = require('natural/lib/natural/stemmers/porter_stemmer_ru.js') as { stem(word: string): string };

const URL_RE = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:ru|com|рф|org|net)\/\S*/gi;
const MENTION_RE = /\[(?:id|club|public)\d+\|([^\]]*)\]/g; // VK mention markup: keep the visible name

/** Lower-case, ё→е, VK mention markup and URLs removed. */
export function normalise(text: string): string {
  return text.replace(MENTION_RE, '$1').toLowerCase().replace(/ё/g, 'е').replace(URL_RE, ' ');
}

const isWordChar = (c: number): boolean => (c >= 1072 && c <= 1103) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Hyphenated compounds whose parts are all short stay one token, others split. */
function pushHyphenated(out: string[], w: string): void {
  const parts = w.split('-');
  if (parts[0] === 'по' || parts[0] === 'кое' || parts[0] === 'из' || parts[parts.length - 1] === 'то') out.push(parts.join(''));
  else for (const p of parts) if (p) out.push(p);
}

/**
 * Words of a text, lower-cased, ё→е, URLs dropped. Hyphenated compounds whose
 * parts are all short (из-за, кое-где, по-моему) stay one token; otherwise the
 * parts are separate words (4-ом → 4 ом, северо-запад → северо запад).
 * A hand-written scanner over char codes: the hot path of every analysis, and the
 * regex passes run only when the text can contain what they remove.
 */
export function tokenize(text: string): string[] {
  let s = text;
  if (s.indexOf('[') >= 0) s = s.replace(MENTION_RE, '$1');
  s = s.toLowerCase();
  if (s.indexOf('ё') >= 0) s = s.replace(/ё/g, 'е');
  if (s.indexOf('/') >= 0 || s.indexOf('www.') >= 0) s = s.replace(URL_RE, ' ');
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let hyphen = false;
    for (;;) {
      while (i < n && isWordChar(s.charCodeAt(i))) i++;
      if (i + 1 < n && s.charCodeAt(i) === 45 && isWordChar(s.charCodeAt(i + 1))) {
        hyphen = true;
        i++;
      } else break;
    }
    const w = s.slice(start, i);
    if (hyphen) pushHyphenated(out, w);
    else out.push(w);
  }
  return out;
}

// Function words that carry no topic. `не`/`нет`/`без` are NOT here: they flip meaning
// («нет воды», «не работает») and are handled as negation markers by the features.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('а и в во на с со к ко о об от до по за из у же ли бы то что как так это этот эта эти этой этом ' +
    'мы вы я он она они оно мне меня нам нас вам вас им их его ее ей ним них мой моя мои наш наша наши ваш ' +
    'ваша ваши свой своя свои тот та те там тут здесь вот уже еще даже ну да или но если чтобы при для ' +
    'про через над под был была было были быть будет есть весь вся все всех всем себя себе сам сама ' +
    'который которая которые которых кто где когда чем тем том той тоже также очень просто вообще ' +
    'могу можно нужно надо может только всё ещё пока потом бы ведь вон эх ой ах').split(' '),
);

export const NEGATIONS: ReadonlySet<string> = new Set(['не', 'нет', 'без', 'ни', 'нету']);

const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

function hasCyrillic(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 1072 && c <= 1103) return true;
  }
  return false;
}

/** PorterStemmerRu with a bounded memo: a stream's vocabulary repeats, the regex cascade is the cost. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s !== undefined) return s;
  s = hasCyrillic(word) ? porterRu.stem(word) : word;
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, s);
  return s;
}
