import { describe, expect, it } from 'vitest';
import { looksMisencoded, normaliseText } from './normalise.js';

/** The normalisation spelled out without the fast path: what normaliseText must equal. */
function reference(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

describe('normaliseText', () => {
  it('cleans what breaks tokenisers and screens, keeps the words', () => {
    expect(normaliseText('  Нет\u00A0воды\r\n\r\n\r\n\r\nуже 3 дня\u200B  \t!  ')).toBe('Нет воды\n\nуже 3 дня !');
    expect(normaliseText('е\u0308лка')).toBe('ёлка'); // NFC
    expect(normaliseText('Обычный текст без лишнего.')).toBe('Обычный текст без лишнего.');
  });

  it('equals the plain chain of replacements on random mixes of tricky characters', () => {
    const alphabet = ['а', 'Б', 'x', '1', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u200B', '\uFEFF', '\u0000', '\u3000', 'е\u0308', '\u2028', '🙂'];
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const len = Math.floor(next() * 12);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(normaliseText(s)).toBe(reference(s));
    }
  });
});

describe('looksMisencoded', () => {
  it('flags texts with many replacement characters only', () => {
    expect(looksMisencoded('Ð½ÐµÑ\uFFFD \uFFFD\uFFFD')).toBe(true);
    expect(looksMisencoded(`${'нормальный текст '.repeat(10)}\uFFFD`)).toBe(false);
  });
});
