// Pure display helpers for the feed (Russian UI). Times are shown in Moscow time
// (Saint Petersburg) on both server and browser, so server rendering and
// hydration print the same text whatever the machine's zone is.
import type { FeedItem } from '../../../../shared/types/live-events.js';
import { categoryNameRu, primaryLayer } from '../../../../shared/types/taxonomy.js';

export const DISPLAY_TZ = 'Europe/Moscow';

const timeFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: DISPLAY_TZ, hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: DISPLAY_TZ, day: 'numeric', month: 'short' });
const dayKeyFmt = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const fullFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: DISPLAY_TZ, dateStyle: 'long', timeStyle: 'medium' });

/** "14:05:09", or "3 янв. 14:05:09" when not today (in display time). */
export function formatTime(iso: string, nowMs = Date.now()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const t = timeFmt.format(d);
  return dayKeyFmt.format(d) === dayKeyFmt.format(nowMs) ? t : `${dayFmt.format(d)} ${t}`;
}

export function formatFullTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${fullFmt.format(d)} (МСК)`;
}

const SOURCE_NAMES: Record<string, string> = {
  vk: 'ВКонтакте',
  telegram: 'Telegram',
  max: 'MAX',
  ok: 'Одноклассники',
  open311: 'Open311',
  dispatch: 'Диспетчерская',
  portal: 'Портал',
  demo: 'Демо',
  replay: 'Запись',
  csv: 'Импорт',
};

export function sourceName(source: string): string {
  return SOURCE_NAMES[source] ?? source;
}

/** "ул. Ленина, 5" from the resolved parts, else what the resident wrote, else ''. */
export function addressOf(item: Pick<FeedItem, 'street' | 'houseNumber' | 'addressRaw'>): string {
  if (item.street) return item.houseNumber ? `${item.street}, ${item.houseNumber}` : item.street;
  return item.addressRaw;
}

/** Only web links may become an href: a source could send `javascript:` or `data:` URLs. */
export function safeUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
  } catch {
    return '';
  }
}

export function categoryLabel(category: string): string {
  return categoryNameRu(category);
}

/** CSS colour variable of a category, by its map layer. */
export function categoryColorVar(category: string): string {
  const layer = primaryLayer(category);
  return layer ? `var(--layer-${layer})` : 'var(--layer-none)';
}

export type UrgencyLevel = 'high' | 'medium' | null;

export function urgencyLevel(urgency: number): UrgencyLevel {
  if (urgency >= 0.7) return 'high';
  if (urgency >= 0.45) return 'medium';
  return null;
}

/** Russian plural: plural(5, ['жалоба', 'жалобы', 'жалоб']) → 'жалоб'. */
export function plural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b > 1 && b < 5) return forms[1];
  if (b === 1) return forms[0];
  return forms[2];
}
