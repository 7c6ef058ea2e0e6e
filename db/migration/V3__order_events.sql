-- Every status an order passed through, in order: the state machine's record (OrderStatus), with what had filled.
CREATE TABLE order_events (
    event_id          BIGSERIAL PRIMARY KEY,
    client_order_id   VARCHAR(128) NOT NULL REFERENCES orders (client_order_id),
    from_status       VARCHAR(20),
    to_status         VARCHAR(20) NOT NULL,
    filled_qty        INTEGER NOT NULL DEFAULT 0,
    filled_avg_price  NUMERIC(12, 4),
    reason            TEXT,
    occurred_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_order_events_order ON order_events (client_order_id, event_id);
