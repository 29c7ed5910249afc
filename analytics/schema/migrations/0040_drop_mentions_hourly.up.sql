-- The hourly rollup of 0002 had no reader, and its uniqExact(id) states cost about a
-- third of every insert into `mentions` (bench/pipeline, bench/chdb-insert). Hourly
-- counts are read from `mentions FINAL` (sorted by hour first, so a time range reads
-- few granules); a rollup comes back with the first reader that needs one, shaped for it.
DROP VIEW IF EXISTS mentions_hourly_mv;
DROP TABLE IF EXISTS mentions_hourly;
