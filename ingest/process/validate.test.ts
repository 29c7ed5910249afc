import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashAuthor } from './validate.js';

describe('hashAuthor', () => {
  it('is the first 16 hex digits of SHA-256 over source, NUL, author: stored hashes stay comparable', () => {
    const expected = createHash('sha256').update('vk\u0000id42').digest('hex').slice(0, 16);
    expect(hashAuthor('vk', 'id42')).toBe(expected);
    expect(hashAuthor('vk', 'Иван Петров')).toBe(createHash('sha256').update('vk\u0000Иван Петров').digest('hex').slice(0, 16));
  });

  it('tells sources apart and keeps no hash for an unknown author', () => {
    expect(hashAuthor('vk', 'id42')).not.toBe(hashAuthor('telegram', 'id42'));
    expect(hashAuthor('vk', '')).toBe('');
  });
});
