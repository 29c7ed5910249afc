// The storage port. Plain ClickHouse SQL with server-side `{name:Type}` parameters;
// the same SQL text runs on chDB and on a ClickHouse server. Never interpolate values.
export type Params = Record<string, unknown>;

/**
 * Rows already serialised as JSONEachRow text (one JSON object per line, each ending in
 * a newline), e.g. built in a worker thread so the event loop only moves the bytes.
 */
export class JsonRows {
  constructor(
    readonly text: string,
    readonly count: number,
  ) {}
}

export interface Store {
  readonly kind: 'chdb' | 'clickhouse';
  /** SELECT returning rows as objects (JSONEachRow semantics: 64-bit ints come as strings) */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** INSERT rows (objects with the table's column names, or the same rows as JSONEachRow text) */
  insert(table: string, rows: readonly Record<string, unknown>[] | JsonRows): Promise<void>;
  /** DDL or any statement without a result */
  command(sql: string, params?: Params): Promise<void>;
  close(): Promise<void>;
}
