DROP TABLE IF EXISTS alert_events;
