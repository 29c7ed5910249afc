// Bus subjects (`domain.verb`). Every payload on the bus has a zod schema or a type here.
export const SUBJECTS = {
  /** raw mentions, one subject per source: mentions.raw.vk, mentions.raw.demo, ... */
  raw: (source: string) => `mentions.raw.${source}`,
  rawAll: 'mentions.raw.*',
  processed: 'mentions.processed',
  deadLetter: 'deadletter',
  hotspotAlert: 'alerts.hotspot',
  caseEvent: 'cases.event',
  caseOverdue: 'cases.overdue',
} as const;

/** A message that could not be processed; stored in `dead_letters`. */
export interface DeadLetter {
  subject: string;
  /** the original payload as text (truncated to a sane size) */
  payload: string;
  reason: string;
  deliveries: number;
  at: string;
}
