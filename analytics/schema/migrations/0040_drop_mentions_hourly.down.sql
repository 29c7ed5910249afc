--
-- The view sees each insert, including a redelivered or re-processed mention
-- that ReplacingMergeTree will later collapse. A plain count() would count it
-- twice, so the rollup keeps uniqExact(id) states (a 16-byte hash per mention
-- and bucket) and reads them with uniqExactMerge:
--   SELECT hour, category, uniqExactMerge(mentions) AS n
--   FROM mentions_hourly WHERE hour >= {from:DateTime} GROUP BY hour, category
-- A mention re-processed into another category counts in both buckets; reads
-- that must be exact per category after re-processing use `mentions FINAL`.
-- Only mentions inserted after this migration are counted (no backfill: it
-- comes with the table, before any data).
CREATE TABLE IF NOT EXISTS mentions_hourly
(
    hour DateTime('UTC'),
    category LowCardinality(String),
    district LowCardinality(String),
    relevant UInt8,
    mentions AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, category, district, relevant);

CREATE MATERIALIZED VIEW IF NOT EXISTS mentions_hourly_mv TO mentions_hourly AS
SELECT
    toStartOfHour(toDateTime(ts, 'UTC')) AS hour,
    category,
    district,
    relevant,
    uniqExactState(id) AS mentions
FROM mentions
GROUP BY hour, category, district, relevant;
