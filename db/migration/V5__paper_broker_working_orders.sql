-- The paper broker works orders over time (limit, stop, bracket legs, partial fills, day expiry): its book keeps each
-- order's type, prices and bracket parent, and each fill, so that a restart finds the working orders where they were.
ALTER TABLE paper_broker_orders
    ADD COLUMN order_type              VARCHAR(10) NOT NULL DEFAULT 'market' CHECK (order_type IN ('market', 'limit', 'stop')),
    ADD COLUMN limit_price             NUMERIC(12, 4),
    ADD COLUMN stop_price              NUMERIC(12, 4),
    ADD COLUMN parent_client_order_id  VARCHAR(128) REFERENCES paper_broker_orders (client_order_id),
    ADD COLUMN leg                     VARCHAR(12) CHECK (leg IN ('stop_loss', 'take_profit')),
    ADD COLUMN expires_at              TIMESTAMPTZ;

CREATE TABLE paper_broker_fills (
    fill_id          VARCHAR(80) PRIMARY KEY,
    client_order_id  VARCHAR(128) NOT NULL REFERENCES paper_broker_orders (client_order_id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    price            NUMERIC(12, 4) NOT NULL CHECK (price > 0),
    commission       NUMERIC(10, 4) NOT NULL DEFAULT 0,
    filled_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_paper_broker_fills_order ON paper_broker_fills (client_order_id);

-- The trading bundle's record of a bracket: each leg is an orders row naming its entry, and which leg it is.
ALTER TABLE orders
    ADD COLUMN parent_client_order_id  VARCHAR(128) REFERENCES orders (client_order_id),
    ADD COLUMN leg                     VARCHAR(12) CHECK (leg IN ('stop_loss', 'take_profit'));
CREATE INDEX idx_orders_parent ON orders (parent_client_order_id) WHERE parent_client_order_id IS NOT NULL;
