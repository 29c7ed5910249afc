-- Hotspot alerts. The truth is the append-only log `alert_events`: every
-- lifecycle move (opened, growing, stable, subsiding, closed), size change
-- (updated) and operator acknowledgement is one row carrying the whole alert
-- snapshot as JSON in `payload`.
--
-- Idempotence: event ids are deterministic ("<alert>:<seq>" from the detector,
-- "<alert>:ack:<ms>" for acknowledgements) and `opened_at` never changes for an
-- alert, so a re-delivered or replayed event writes the same sorting key again
-- and ReplacingMergeTree collapses it. Reads use FINAL (time-bounded, cheap).
CREATE TABLE IF NOT EXISTS alert_events
(
    alert_id String,
    event_id String,
    seq UInt32,
    kind LowCardinality(String),
    state LowCardinality(String),
    layer LowCardinality(String),
    opened_at DateTime64(3, 'UTC'),
    at DateTime64(3, 'UTC'),
    recorded_at DateTime64(3, 'UTC'),
    districts Array(String),
    house_ids Array(String),
    house_count UInt32,
    mention_count UInt32,
    actor String,
    note String,
    payload String
)
ENGINE = ReplacingMergeTree(recorded_at)
PARTITION BY toYYYYMM(opened_at)
ORDER BY (opened_at, alert_id, event_id);
