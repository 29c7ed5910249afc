// A migration file may hold several statements; the HTTP interface of a
// ClickHouse server runs one statement per request, so the migrator splits them.
// Pure: no I/O, unit-tested.

/**
 * Split on a `;` that ends a line (optionally followed by spaces). Full-line
 * `--` comments are dropped first so a commented-out `;` cannot cut a
 * statement. A `;` inside a string literal at the end of a line would split
 * wrongly — migrations must not write one (none needs to).
 */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n');
  return withoutComments
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface MigrationFile {
  version: number;
  name: string;
  /** file name of the up script, e.g. 0001_mentions.up.sql */
  upFile: string;
  downFile: string;
}

const UP_FILE = /^(\d{4})_([a-z0-9_]+)\.up\.sql$/;

/** Pick the migrations out of a folder listing, ordered by version; duplicate versions are an error. */
export function planMigrations(fileNames: readonly string[]): MigrationFile[] {
  const out: MigrationFile[] = [];
  const seen = new Map<number, string>();
  for (const f of fileNames) {
    const m = UP_FILE.exec(f);
    if (!m) continue;
    const version = Number(m[1]);
    const earlier = seen.get(version);
    if (earlier) throw new Error(`two migrations share version ${m[1]}: ${earlier} and ${f}`);
    seen.set(version, f);
    out.push({ version, name: m[2], upFile: f, downFile: `${m[1]}_${m[2]}.down.sql` });
  }
  return out.sort((a, b) => a.version - b.version);
}
