// The pure rules under both bus adapters: subject matching, stream lookup, outcomes.
import { describe, expect, it } from 'vitest';
import { JsonText, PermanentError, RetryableError } from './bus.js';
import { DEFAULT_STREAMS, covers, isValidSubject, matcher, streamFor } from './subjects-match.js';
import { deadLetter, encodePayload, failureOutcome, resolveConsumeOptions } from './handling.js';

describe('subjects', () => {
  it('matches * and > like NATS', () => {
    expect(covers('mentions.raw.*', 'mentions.raw.vk')).toBe(true);
    expect(covers('mentions.raw.*', 'mentions.raw.vk.extra')).toBe(false);
    expect(covers('mentions.raw.*', 'mentions.raw')).toBe(false);
    expect(covers('mentions.>', 'mentions.raw.vk')).toBe(true);
    expect(covers('mentions.>', 'mentions')).toBe(false);
    expect(covers('deadletter', 'deadletter')).toBe(true);
    expect(covers('deadletter', 'deadletters')).toBe(false);
    // filters inside patterns: what decides which stream a consumer reads
    expect(covers('mentions.>', 'mentions.raw.*')).toBe(true);
    expect(covers('mentions.*', 'mentions.>')).toBe(false);
    expect(covers('mentions.raw.*', 'mentions.raw.>')).toBe(false);
  });

  it('memoised matching gives the same answers', () => {
    const m = matcher('alerts.*');
    expect([m('alerts.hotspot'), m('alerts.hotspot'), m('alerts.a.b'), m('cases.event')]).toEqual([true, true, false, false]);
  });

  it('finds the stream of a subject or filter', () => {
    expect(streamFor(DEFAULT_STREAMS, 'mentions.raw.vk')?.name).toBe('MENTIONS');
    expect(streamFor(DEFAULT_STREAMS, 'mentions.raw.*')?.name).toBe('MENTIONS');
    expect(streamFor(DEFAULT_STREAMS, 'cases.overdue')?.name).toBe('CASES');
    expect(streamFor(DEFAULT_STREAMS, 'deadletter')?.name).toBe('DEADLETTER');
    expect(streamFor(DEFAULT_STREAMS, 'live.stats')).toBeUndefined();
  });

  it('refuses wildcards in publish subjects and malformed subjects', () => {
    expect(isValidSubject('mentions.raw.vk', false)).toBe(true);
    expect(isValidSubject('mentions.raw.*', false)).toBe(false);
    expect(isValidSubject('mentions.raw.*', true)).toBe(true);
    expect(isValidSubject('mentions.>.x', true)).toBe(false);
    expect(isValidSubject('mentions..vk', false)).toBe(false);
    expect(isValidSubject('mentions raw', false)).toBe(false);
    expect(isValidSubject('', false)).toBe(false);
  });
});

describe('handler outcomes', () => {
  const o = resolveConsumeOptions({ maxDeliver: 3, retryDelayMs: 100 });

  it('retries a RetryableError with its own delay or the default, until maxDeliver', () => {
    expect(failureOutcome(new RetryableError('db down'), 1, o)).toEqual({ kind: 'retry', delayMs: 100 });
    expect(failureOutcome(new RetryableError('db down', 5000), 2, o)).toEqual({ kind: 'retry', delayMs: 5000 });
    const last = failureOutcome(new RetryableError('db down'), 3, o);
    expect(last.kind).toBe('dead');
    expect(last.kind === 'dead' && last.reason).toMatch(/db down.*3 deliveries/);
  });

  it('dead-letters anything else at once with its message', () => {
    expect(failureOutcome(new PermanentError('no text'), 1, o)).toEqual({ kind: 'dead', reason: 'no text' });
    expect(failureOutcome(new TypeError('x is undefined'), 1, o)).toEqual({ kind: 'dead', reason: 'x is undefined' });
    expect(failureOutcome('thrown string', 1, o)).toEqual({ kind: 'dead', reason: 'thrown string' });
  });

  it('fills defaults and clamps nonsense options', () => {
    expect(resolveConsumeOptions()).toEqual({ maxInFlight: 256, maxDeliver: 5, retryDelayMs: 1000, ackWaitMs: 30_000, raw: false });
    expect(resolveConsumeOptions({ maxInFlight: 0, maxDeliver: -1, retryDelayMs: -5, ackWaitMs: 10 })).toEqual({
      maxInFlight: 1,
      maxDeliver: 1,
      retryDelayMs: 0,
      ackWaitMs: 1000,
      raw: false,
    });
  });
});

describe('payloads', () => {
  it('sends pre-encoded JSON text as it is', () => {
    expect(encodePayload(new JsonText('{"a":1}'))).toBe('{"a":1}');
  });

  it('encodes JSON and refuses what JSON cannot carry', () => {
    expect(encodePayload({ a: 'ё' })).toBe('{"a":"ё"}');
    expect(() => encodePayload(undefined)).toThrow(/JSON/);
    expect(() => encodePayload({ n: 1n })).toThrow();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => encodePayload(loop)).toThrow();
  });

  it('truncates a huge dead-letter payload', () => {
    const d = deadLetter('mentions.raw.vk', 'x'.repeat(100_000), 'too big', 1);
    expect(d.payload.length).toBeLessThan(70_000);
    expect(d.payload.endsWith('[truncated]')).toBe(true);
  });
});
