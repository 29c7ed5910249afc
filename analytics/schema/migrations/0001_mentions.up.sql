-- Every mention, one row per id, as processing published it.
--
-- Dedupe: ReplacingMergeTree(ingested_at) collapses rows with the same sorting
-- key, keeping the newest ingested_at (a re-processed mention replaces the old
-- one). The sorting key is (toStartOfHour(ts), id). That makes `id` the dedupe
-- key only because `ts` — when the resident wrote it, given by the source — never
-- changes for a given id (ids are "<source>:<native id>"; processing must not
-- rewrite ts). Putting the hour first keeps time-range reads (last hour, last
-- day: what the dashboard asks) to a few granules; ORDER BY (id) alone would
-- dedupe the same but scan the whole partition for every time window. Monthly
-- partitions are safe for the same reason: both copies of an id land in the
-- same month, and dedupe happens within a partition.
--
-- Merges are eventual, so reads that must not count a redelivered mention twice
-- use `FROM mentions FINAL` (exact; cheap on time-bounded reads) or aggregate
-- with `uniqExact(id)` / `argMax(col, ingested_at)`. Plain reads may see a
-- duplicate until the background merge runs.
CREATE TABLE IF NOT EXISTS mentions
(
    id String,
    source LowCardinality(String),
    channel String,
    author_hash String,
    text String,
    ts DateTime64(3, 'UTC'),
    ingested_at DateTime64(3, 'UTC'),
    category LowCardinality(String),
    relevant UInt8,
    confidence Float32,
    urgency Float32,
    reasons Array(String),
    address_raw String,
    street String,
    house_number String,
    house_id String,
    org_id String,
    org_name String,
    district LowCardinality(String),
    lat Nullable(Float64),
    lon Nullable(Float64),
    dup_group String,
    url String
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(ts)
ORDER BY (toStartOfHour(ts), id);

-- Messages the bus gave up on (permanent error or too many deliveries), kept
-- for an operator to inspect and replay. Append-only; no dedupe wanted.
CREATE TABLE IF NOT EXISTS dead_letters
(
    at DateTime64(3, 'UTC'),
    subject String,
    reason String,
    deliveries UInt32,
    payload String
)
ENGINE = MergeTree
ORDER BY at;
