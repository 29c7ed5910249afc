import fs from 'node:fs';
import type { Row } from './compose.js';

const q = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** `withTemplate`: add the main-template column (training sets only, for the template-held-out validation split). */
export function writeCsv(file: string, rows: Row[], withTemplate = false): void {
  const head = withTemplate ? 'text,zhkh_label,zhkh_label_alt,template' : 'text,zhkh_label,zhkh_label_alt';
  const cells = (r: Row): string[] => {
    const c = [r.text, r.zhkh_label, r.zhkh_label_alt];
    if (withTemplate) c.push(String(r.template ?? ''));
    return c;
  };
  fs.writeFileSync(file, [head, ...rows.map((r) => cells(r).map(q).join(','))].join('\n') + '\n');
}
