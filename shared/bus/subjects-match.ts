// Subject rules shared by both adapters, so a subject that NATS would refuse is refused
// in memory too (tests on the in-process bus then catch it).

/** A stream keeps every message published on its subjects; durable consumers read from it. */
export interface StreamSpec {
  name: string;
  subjects: string[];
}

/** The streams Domovoy publishes into; a subject outside them cannot be published durably. */
export const DEFAULT_STREAMS: readonly StreamSpec[] = [
  { name: 'MENTIONS', subjects: ['mentions.>'] },
  { name: 'ALERTS', subjects: ['alerts.>'] },
  { name: 'CASES', subjects: ['cases.>'] },
  { name: 'DEADLETTER', subjects: ['deadletter'] },
];

const TOKEN = /^[^\s.*>]+$/;

/** Valid subject: dot-separated non-empty tokens; wildcards only when `wildcards` is set. */
export function isValidSubject(subject: string, wildcards: boolean): boolean {
  const tokens = subject.split('.');
  return tokens.every((t, i) => {
    if (TOKEN.test(t)) return true;
    if (!wildcards) return false;
    return t === '*' || (t === '>' && i === tokens.length - 1);
  });
}

/**
 * True when every subject matched by `filter` is also matched by `pattern`.
 * With a literal `filter` this is plain NATS subject matching.
 */
export function covers(pattern: string, filter: string): boolean {
  const p = pattern.split('.');
  const f = filter.split('.');
  for (let i = 0; i < p.length; i++) {
    const pt = p[i]!;
    if (pt === '>') return i < f.length;
    const ft = f[i];
    if (ft === undefined) return false;
    if (pt === '*') {
      if (ft === '>') return false;
      continue;
    }
    if (pt !== ft) return false;
  }
  return p.length === f.length;
}

/**
 * `covers(pattern, ·)` with memory: a bus sees few distinct subjects and many
 * messages, so each subject is split and compared once.
 */
export function matcher(pattern: string): (subject: string) => boolean {
  const seen = new Map<string, boolean>();
  return (subject) => {
    let hit = seen.get(subject);
    if (hit === undefined) {
      hit = covers(pattern, subject);
      if (seen.size >= 10_000) seen.clear(); // subjects with ids in them must not grow it forever
      seen.set(subject, hit);
    }
    return hit;
  };
}

/** The stream that holds `subject` (a literal subject or a consumer filter), if any. */
export function streamFor(streams: readonly StreamSpec[], subject: string): StreamSpec | undefined {
  return streams.find((s) => s.subjects.some((p) => covers(p, subject)));
}

export function assertPublishSubject(subject: string): void {
  if (!isValidSubject(subject, false)) throw new Error(`invalid subject for publish: ${JSON.stringify(subject)}`);
}

export function assertFilterSubject(subject: string): void {
  if (!isValidSubject(subject, true)) throw new Error(`invalid subject filter: ${JSON.stringify(subject)}`);
}
