-- The paper broker's own book, apart from the trading bundle's record: what the broker knows survives a restart,
-- so start-up reconciliation compares the record with a broker that remembers, as Alpaca does.
CREATE TABLE paper_broker_orders (
    broker_order_id   VARCHAR(64) PRIMARY KEY,
    client_order_id   VARCHAR(128) NOT NULL UNIQUE,
    symbol            VARCHAR(10) NOT NULL,
    side              VARCHAR(4) NOT NULL CHECK (side IN ('buy', 'sell')),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    status            VARCHAR(20) NOT NULL,
    filled_qty        INTEGER NOT NULL DEFAULT 0,
    filled_avg_price  NUMERIC(12, 4),
    commission        NUMERIC(10, 4) NOT NULL DEFAULT 0,
    submitted_at      TIMESTAMPTZ,
    filled_at         TIMESTAMPTZ,
    reject_reason     TEXT,
    recorded_seq      BIGSERIAL
);

CREATE TABLE paper_broker_positions (
    symbol             VARCHAR(10) PRIMARY KEY,
    quantity           INTEGER NOT NULL CHECK (quantity <> 0),
    avg_entry_price    NUMERIC(14, 4) NOT NULL
);

CREATE TABLE paper_broker_account (
    account_id   VARCHAR(20) PRIMARY KEY,
    cash         NUMERIC(16, 4) NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
