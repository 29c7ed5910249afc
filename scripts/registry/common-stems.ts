// Stems that occur in at least 0.2% of real resident texts («парадная», «подъезд», «двор»).
// The resolver needs a street type next to a street named by such words alone, and never
// treats them as typos of a street name.
import { tokenize } from '../../analytics/address/normalise.js';
import { parseCsvObjects } from './csv.js';

export const COMMON_SHARE = 0.002;

export function commonStems(petitionsCsv: string): string[] {
  const rows = parseCsvObjects(petitionsCsv);
  const df = new Map<string, number>();
  for (const r of rows) {
    const seen = new Set<string>();
    for (const t of tokenize(r.text ?? '')) if (t.kind === 'word') seen.add(t.stem);
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const min = Math.max(2, Math.ceil(rows.length * COMMON_SHARE));
  return [...df.entries()].filter(([, n]) => n >= min).map(([w]) => w).sort();
}
