-- Cases (обращения). The truth is the append-only event log `case_events`;
-- `cases` is a projection of it (the pure fold in analytics/cases/lifecycle.ts)
-- kept for fast queue and metric reads, and can be rebuilt from the events.
--
-- case_events: one row per event. Event ids are deterministic where an event
-- comes from a bus message ("<case>:linked:<mention id>"), so a redelivered
-- message writes the same (case_id, id) again and ReplacingMergeTree collapses
-- it. Reads that must not see a duplicate use FINAL (cheap: one case is one
-- primary-key range).
CREATE TABLE IF NOT EXISTS case_events
(
    case_id String,
    id String,
    seq UInt32,
    at DateTime64(3, 'UTC'),
    recorded_at DateTime64(3, 'UTC'),
    type LowCardinality(String),
    actor String,
    comment String,
    org_id String,
    payload String
)
ENGINE = ReplacingMergeTree
ORDER BY (case_id, id);

-- The current state of each case. Every append writes a new row with a higher
-- version (events folded, then time); ReplacingMergeTree(version, is_deleted)
-- keeps the newest. Sorted by (org_id, id): the queue of one organisation — the
-- scope of УК staff and the hot read — is one primary-key range. A case that is
-- re-routed moves to another key, so the writer also writes a tombstone
-- (is_deleted = 1, same version) under the old organisation; FINAL drops both
-- the old row and the tombstone.
CREATE TABLE IF NOT EXISTS cases
(
    org_id String,
    id String,
    version UInt64,
    is_deleted UInt8,
    state LowCardinality(String),
    category LowCardinality(String),
    house_id String,
    district LowCardinality(String),
    address String,
    title String,
    source LowCardinality(String),
    area_key String,
    lat Nullable(Float64),
    lon Nullable(Float64),
    org_name String,
    org_kind LowCardinality(String),
    unroutable UInt8,
    opened_at DateTime64(3, 'UTC'),
    routed_at Nullable(DateTime64(3, 'UTC')),
    first_response_at Nullable(DateTime64(3, 'UTC')),
    accepted_at Nullable(DateTime64(3, 'UTC')),
    resolved_at Nullable(DateTime64(3, 'UTC')),
    confirmed_at Nullable(DateTime64(3, 'UTC')),
    closed_at Nullable(DateTime64(3, 'UTC')),
    outcome LowCardinality(String),
    reopen_count UInt16,
    first_response_due DateTime64(3, 'UTC'),
    resolution_due DateTime64(3, 'UTC'),
    first_response_overdue UInt8,
    resolution_overdue UInt8,
    mention_count UInt32,
    last_mention_at DateTime64(3, 'UTC'),
    last_event_at DateTime64(3, 'UTC'),
    confirm_via LowCardinality(String),
    resolution_note String,
    updated_at DateTime64(3, 'UTC'),
    INDEX idx_house house_id TYPE bloom_filter GRANULARITY 1,
    INDEX idx_area area_key TYPE bloom_filter GRANULARITY 1
)
ENGINE = ReplacingMergeTree(version, is_deleted)
ORDER BY (org_id, id);

-- Mentions linked to a case, with what the card shows (source, text, link), so
-- the card needs no scan of `mentions`. Excluding a mention ("не жалоба")
-- writes the row again with excluded = 1 and a higher version.
CREATE TABLE IF NOT EXISTS case_mentions
(
    case_id String,
    mention_id String,
    version UInt64,
    linked_at DateTime64(3, 'UTC'),
    mention_ts DateTime64(3, 'UTC'),
    source LowCardinality(String),
    channel String,
    text String,
    url String,
    house_id String,
    excluded UInt8
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (case_id, mention_id);

-- Routing overrides edited at run time (on top of config/routing.json):
-- scope 'house' or 'district', the key, the category ('*' = all).
CREATE TABLE IF NOT EXISTS routing_rules
(
    scope LowCardinality(String),
    scope_key String,
    category LowCardinality(String),
    org_id String,
    comment String,
    updated_by String,
    updated_at DateTime64(3, 'UTC'),
    deleted UInt8
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (scope, scope_key, category);
