-- Trailing stops (docs/brokers.md, "Exits"): an exit that follows the high-water mark by a percent or a dollar trail.
-- The paper broker's book keeps each trailing stop's trail, its mark and the bar the mark last took in, so that a
-- restart goes on working it from where it was; its current stop stays in stop_price.
ALTER TABLE paper_broker_orders
    ALTER COLUMN order_type TYPE VARCHAR(16),
    DROP CONSTRAINT paper_broker_orders_order_type_check,
    ADD CONSTRAINT paper_broker_orders_order_type_check CHECK (order_type IN ('market', 'limit', 'stop', 'trailing_stop')),
    ADD COLUMN trail_percent  NUMERIC(8, 4),
    ADD COLUMN trail_price    NUMERIC(12, 4),
    ADD COLUMN hwm            NUMERIC(12, 4),
    ADD COLUMN hwm_at         TIMESTAMPTZ;

-- The trading bundle's record: an entry names the trail its exit follows (trail_percent or trail_price); the trailing
-- stop placed when it filled is an orders row naming the entry, leg trailing_stop, with Alpaca's hwm as last seen.
ALTER TABLE orders
    DROP CONSTRAINT orders_order_type_check,
    ADD CONSTRAINT orders_order_type_check CHECK (order_type IN ('market', 'limit', 'stop', 'stop_limit', 'trailing_stop')),
    ALTER COLUMN leg TYPE VARCHAR(16),
    DROP CONSTRAINT orders_leg_check,
    ADD CONSTRAINT orders_leg_check CHECK (leg IN ('stop_loss', 'take_profit', 'trailing_stop')),
    ADD COLUMN trail_percent  NUMERIC(8, 4),
    ADD COLUMN trail_price    NUMERIC(12, 4),
    ADD COLUMN hwm            NUMERIC(12, 4),
    ADD CONSTRAINT orders_one_trail CHECK (trail_percent IS NULL OR trail_price IS NULL);
