-- The registry of houses, organisations and districts, imported from the packaged
-- files in assets/registry by `domovoy import-registry` (analytics/registry/import.ts).
--
-- Every row carries `build`, the content hash of the packaged files it came from.
-- The import skips all writes when the tables already hold that build, so running
-- it twice changes nothing; a new build is inserted, collapsed by id
-- (ReplacingMergeTree + OPTIMIZE FINAL) and rows of older builds are deleted.
-- Missing registry values are NULL, never strings such as «Не заполнено»;
-- a house without a management company has org_id NULL.
CREATE TABLE IF NOT EXISTS houses
(
    id String,
    region LowCardinality(String),
    address String,
    street String,
    street_type LowCardinality(String),
    number String,
    locality LowCardinality(String),
    lat Nullable(Float64),
    lon Nullable(Float64),
    district LowCardinality(Nullable(String)),
    org_id Nullable(String),
    year Nullable(UInt16),
    floors Nullable(UInt16),
    apartments Nullable(UInt32),
    area Nullable(Float64),
    build String
)
ENGINE = ReplacingMergeTree
ORDER BY id;

-- One organisation per company after name normalisation; `spellings` keeps every
-- registry spelling. source = 'configured' marks defaults added by the build
-- (district administrations, resource suppliers), not registry data.
CREATE TABLE IF NOT EXISTS organisations
(
    id String,
    name String,
    kind LowCardinality(String),
    spellings Array(String),
    house_count UInt32,
    district Nullable(String),
    source LowCardinality(String),
    resource LowCardinality(Nullable(String)),
    build String
)
ENGINE = ReplacingMergeTree
ORDER BY id;

-- District polygons as GeoJSON geometry text (Polygon or MultiPolygon, every ring of
-- a MultiPolygon a separate part), for the web map and choropleths.
CREATE TABLE IF NOT EXISTS districts
(
    name String,
    geometry String,
    house_count UInt32,
    build String
)
ENGINE = ReplacingMergeTree
ORDER BY name;
