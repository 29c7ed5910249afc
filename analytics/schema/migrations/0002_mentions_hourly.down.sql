DROP VIEW IF EXISTS mentions_hourly_mv;
DROP TABLE IF EXISTS mentions_hourly;
