// The storage port. Plain ClickHouse SQL with server-side `{name:Type}` parameters;
// the same SQL text runs on chDB and on a ClickHouse server. Never interpolate values.
export type Params = Record<string, unknown>;

export interface Store {
  readonly kind: 'chdb' | 'clickhouse';
  /** SELECT returning rows as objects (JSONEachRow semantics: 64-bit ints come as strings) */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** INSERT rows (objects with the table's column names) */
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** DDL or any statement without a result */
  command(sql: string, params?: Params): Promise<void>;
  close(): Promise<void>;
}
