// One error type for both adapters, so callers (the batched writer, the bus
// handlers, the web API) never need to know which engine answered.
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    message: string,
    /** numeric ClickHouse error code (e.g. 60 = UNKNOWN_TABLE), when the engine gave one */
    readonly clickhouseCode?: number,
    /** symbolic ClickHouse error name (e.g. 'UNKNOWN_TABLE'), when known */
    readonly type?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Name at the end of a chDB message: "Code: 60. DB::Exception: … (UNKNOWN_TABLE)". */
const TRAILING_TYPE = /\(([A-Z][A-Z0-9_]+)\)\s*$/;

/**
 * Wrap whatever an engine threw. The ClickHouse message is kept verbatim and
 * always ends with the symbolic name, so logs read the same on both adapters.
 */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  if (!(e instanceof Error)) return new StoreError(String(e));
  const raw = e as Error & { clickhouseCode?: unknown; code?: unknown; type?: unknown };
  const numeric =
    typeof raw.clickhouseCode === 'number'
      ? raw.clickhouseCode
      : typeof raw.code === 'string' && /^\d+$/.test(raw.code)
        ? Number(raw.code)
        : undefined;
  const type = typeof raw.type === 'string' && raw.type ? raw.type : TRAILING_TYPE.exec(e.message)?.[1];
  const message = type && !e.message.includes(`(${type})`) ? `${e.message.trimEnd()} (${type})` : e.message;
  return new StoreError(message, numeric, type, { cause: e });
}

/** Table names are the one piece of SQL the adapters build themselves; allow only identifiers. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
export function assertTableName(table: string): void {
  if (!TABLE_NAME.test(table)) throw new StoreError(`invalid table name ${JSON.stringify(table)}`);
}
