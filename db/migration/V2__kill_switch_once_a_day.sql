-- The kill switch records one risk_events row a session day: the day it trips, not every refused entry after it.
ALTER TABLE risk_events ADD COLUMN session_date DATE;
CREATE UNIQUE INDEX uq_risk_events_kill_switch_day ON risk_events (event_type, session_date) WHERE event_type = 'kill_switch';
CREATE INDEX idx_risk_events_occurred ON risk_events (occurred_at DESC);
