import fs from 'node:fs';
import type { Row } from './compose.js';

const q = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function writeCsv(file: string, rows: Row[]): void {
  const lines = ['text,zhkh_label,zhkh_label_alt', ...rows.map((r) => [r.text, r.zhkh_label, r.zhkh_label_alt].map(q).join(','))];
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
