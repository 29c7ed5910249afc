// Publishes raw mentions of one source with msgId = mention id, keeping a bounded
// window of publishes in flight: throughput of a pipelined client, memory of a small one.
import type { Bus } from '../../shared/bus/bus.js';
import type { RawMention } from '../../shared/types/mention.js';
import { SUBJECTS } from '../../shared/types/subjects.js';

export interface PublishStats {
  published: number;
  duplicates: number;
  failed: number;
  errors: string[];
}

export interface MentionPublisher {
  /** resolves once the mention is in the window (not necessarily acknowledged yet) */
  publish(m: RawMention): Promise<void>;
  /** wait for every publish in flight */
  flush(): Promise<PublishStats>;
  readonly stats: PublishStats;
}

export interface PublisherOptions {
  /** subject suffix: mentions.raw.<source>; default: each mention's own source */
  source?: string;
  /** publishes in flight at most (default 256) */
  window?: number;
  /** kept error messages at most (the count goes on) */
  maxErrors?: number;
}

export function createMentionPublisher(bus: Bus, opts: PublisherOptions = {}): MentionPublisher {
  const window = Math.max(1, opts.window ?? 256);
  const maxErrors = opts.maxErrors ?? 100;
  const stats: PublishStats = { published: 0, duplicates: 0, failed: 0, errors: [] };
  const inFlight = new Set<Promise<void>>();

  const send = (m: RawMention): Promise<void> => {
    const p = bus
      .publish(SUBJECTS.raw(opts.source ?? m.source), m, { msgId: m.id })
      .then(
        (r) => {
          stats.published++;
          if (r.duplicate) stats.duplicates++;
        },
        (e: unknown) => {
          stats.failed++;
          if (stats.errors.length < maxErrors) stats.errors.push(`${m.id}: ${(e as Error)?.message ?? String(e)}`);
        },
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  };

  return {
    stats,
    async publish(m) {
      while (inFlight.size >= window) await Promise.race(inFlight);
      void send(m);
    },
    async flush() {
      while (inFlight.size) await Promise.all([...inFlight]);
      return stats;
    },
  };
}
