-- Catalyst schema v5.0: the normalized tables of the earlier implementation (names and columns kept),
-- plus what v5.0 lacked (orders, fills, risk decisions, pattern analysis, daily performance, dead letters).
-- Money is NUMERIC; scores are NUMERIC(5,2) on 0..100 or NUMERIC(4,3) on -1..1 as in v5.0.

CREATE TABLE sectors (
    sector_id          SERIAL PRIMARY KEY,
    sector_name        VARCHAR(100) NOT NULL UNIQUE,
    sector_code        VARCHAR(20),
    parent_sector_id   INTEGER REFERENCES sectors (sector_id),
    sector_etf_symbol  VARCHAR(10)
);

INSERT INTO sectors (sector_name, sector_code, sector_etf_symbol) VALUES
    ('Technology', 'TECH', 'XLK'), ('Financials', 'FIN', 'XLF'), ('Health Care', 'HLTH', 'XLV'),
    ('Consumer Discretionary', 'COND', 'XLY'), ('Consumer Staples', 'CONS', 'XLP'), ('Energy', 'ENRG', 'XLE'),
    ('Industrials', 'INDU', 'XLI'), ('Utilities', 'UTIL', 'XLU'), ('Real Estate', 'REAL', 'XLRE'),
    ('Communication Services', 'COMM', 'XLC'), ('Materials', 'MATR', 'XLB');

CREATE TABLE securities (
    security_id         SERIAL PRIMARY KEY,
    symbol              VARCHAR(10) NOT NULL UNIQUE,
    name                VARCHAR(200),
    company_name        VARCHAR(200),
    sector_id           INTEGER REFERENCES sectors (sector_id),
    industry            VARCHAR(100),
    exchange            VARCHAR(20),
    asset_type          VARCHAR(20) NOT NULL DEFAULT 'stock'
                        CHECK (asset_type IN ('stock', 'etf', 'index', 'option', 'crypto')),
    is_active           BOOLEAN NOT NULL DEFAULT TRUE,
    is_tradeable        BOOLEAN NOT NULL DEFAULT TRUE,
    market_cap          NUMERIC(20, 2),
    shares_outstanding  BIGINT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_securities_sector ON securities (sector_id);

CREATE TABLE time_dimension (
    time_id          BIGSERIAL PRIMARY KEY,
    "timestamp"      TIMESTAMPTZ NOT NULL UNIQUE,
    date             DATE NOT NULL,
    year             SMALLINT NOT NULL,
    quarter          SMALLINT NOT NULL,
    month            SMALLINT NOT NULL,
    week             SMALLINT NOT NULL,
    day              SMALLINT NOT NULL,
    day_of_week      SMALLINT NOT NULL,
    day_of_year      SMALLINT NOT NULL,
    hour             SMALLINT NOT NULL,
    minute           SMALLINT NOT NULL,
    market_session   VARCHAR(20) NOT NULL
                     CHECK (market_session IN ('pre_market', 'regular', 'after_hours', 'closed')),
    is_trading_day   BOOLEAN NOT NULL,
    is_market_holiday BOOLEAN NOT NULL DEFAULT FALSE,
    is_month_start   BOOLEAN NOT NULL DEFAULT FALSE,
    is_month_end     BOOLEAN NOT NULL DEFAULT FALSE,
    is_quarter_start BOOLEAN NOT NULL DEFAULT FALSE,
    is_quarter_end   BOOLEAN NOT NULL DEFAULT FALSE,
    is_year_start    BOOLEAN NOT NULL DEFAULT FALSE,
    is_year_end      BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX idx_time_dimension_date ON time_dimension (date);

CREATE TABLE trading_history (
    security_id  INTEGER NOT NULL REFERENCES securities (security_id),
    time_id      BIGINT NOT NULL REFERENCES time_dimension (time_id),
    timeframe    VARCHAR(10) NOT NULL
                 CHECK (timeframe IN ('1min', '5min', '15min', '30min', '1hour', '4hour', '1day', '1week')),
    open         NUMERIC(12, 4) NOT NULL,
    high         NUMERIC(12, 4) NOT NULL,
    low          NUMERIC(12, 4) NOT NULL,
    close        NUMERIC(12, 4) NOT NULL,
    volume       BIGINT NOT NULL CHECK (volume >= 0),
    vwap         NUMERIC(12, 4),
    trade_count  INTEGER,
    PRIMARY KEY (security_id, time_id, timeframe)
) PARTITION BY RANGE (time_id);
CREATE TABLE trading_history_default PARTITION OF trading_history DEFAULT;

CREATE TABLE news_sentiment (
    news_id                   BIGSERIAL PRIMARY KEY,
    security_id               INTEGER NOT NULL REFERENCES securities (security_id),
    time_id                   BIGINT REFERENCES time_dimension (time_id),
    cycle_id                  VARCHAR(20),
    published_at              TIMESTAMPTZ NOT NULL,
    headline                  TEXT NOT NULL,
    summary                   TEXT,
    url                       TEXT,
    source                    VARCHAR(100) NOT NULL,
    sentiment_score           NUMERIC(4, 3) NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
    sentiment_label           VARCHAR(20) NOT NULL
                              CHECK (sentiment_label IN ('very_negative', 'negative', 'neutral', 'positive', 'very_positive')),
    catalyst_type             VARCHAR(30),
    catalyst_strength         VARCHAR(20) CHECK (catalyst_strength IN ('weak', 'moderate', 'strong', 'very_strong')),
    source_reliability_score  NUMERIC(4, 3),
    price_impact_5min         NUMERIC(8, 4),
    price_impact_15min        NUMERIC(8, 4),
    price_impact_30min        NUMERIC(8, 4),
    price_impact_1h           NUMERIC(8, 4),
    price_impact_4h           NUMERIC(8, 4),
    price_impact_1d           NUMERIC(8, 4),
    dedup_key                 VARCHAR(64) NOT NULL UNIQUE,
    metadata                  JSONB,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_news_security_time ON news_sentiment (security_id, published_at DESC);

CREATE TABLE technical_indicators (
    indicator_id          BIGSERIAL PRIMARY KEY,
    security_id           INTEGER NOT NULL REFERENCES securities (security_id),
    time_id               BIGINT REFERENCES time_dimension (time_id),
    cycle_id              VARCHAR(20),
    bar_time              TIMESTAMPTZ NOT NULL,
    timeframe             VARCHAR(10) NOT NULL DEFAULT '1min',
    sma_20                NUMERIC(12, 4),
    sma_50                NUMERIC(12, 4),
    sma_200               NUMERIC(12, 4),
    ema_9                 NUMERIC(12, 4),
    ema_21                NUMERIC(12, 4),
    rsi_14                NUMERIC(6, 2),
    macd                  NUMERIC(12, 6),
    macd_signal           NUMERIC(12, 6),
    macd_histogram        NUMERIC(12, 6),
    atr_14                NUMERIC(12, 6),
    bollinger_upper       NUMERIC(12, 4),
    bollinger_middle      NUMERIC(12, 4),
    bollinger_lower       NUMERIC(12, 4),
    vpoc                  NUMERIC(12, 4),
    vah                   NUMERIC(12, 4),
    val                   NUMERIC(12, 4),
    obv                   NUMERIC(20, 2),
    vwap                  NUMERIC(12, 4),
    stochastic_k          NUMERIC(6, 2),
    stochastic_d          NUMERIC(6, 2),
    volume_ratio          NUMERIC(10, 4),
    unusual_volume_flag   BOOLEAN,
    bid_ask_spread        NUMERIC(10, 6),
    order_flow_imbalance  NUMERIC(10, 6),
    support_level         NUMERIC(12, 4),
    resistance_level      NUMERIC(12, 4),
    signal_score          NUMERIC(5, 2),
    signal                VARCHAR(4) CHECK (signal IN ('BUY', 'SELL', 'HOLD')),
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (security_id, bar_time, timeframe)
);

CREATE TABLE sector_correlations (
    security_id               INTEGER NOT NULL REFERENCES securities (security_id),
    date                      DATE NOT NULL,
    sector_relative_strength  NUMERIC(8, 4),
    sector_rank               INTEGER,
    correlation_spy           NUMERIC(5, 4),
    correlation_qqq           NUMERIC(5, 4),
    correlation_iwm           NUMERIC(5, 4),
    correlation_rolling_30d   NUMERIC(5, 4),
    beta_spy                  NUMERIC(8, 4),
    sector_momentum           NUMERIC(8, 4),
    rotation_score            NUMERIC(8, 4),
    PRIMARY KEY (security_id, date)
);

CREATE TABLE economic_indicators (
    indicator_id     SERIAL PRIMARY KEY,
    indicator_code   VARCHAR(20) NOT NULL,
    date             DATE NOT NULL,
    category         VARCHAR(50),
    value            NUMERIC(20, 6),
    change_1d        NUMERIC(20, 6),
    change_1m        NUMERIC(20, 6),
    change_1y        NUMERIC(20, 6),
    UNIQUE (indicator_code, date)
);

CREATE TABLE security_fundamentals (
    security_id        INTEGER NOT NULL REFERENCES securities (security_id),
    fiscal_period      VARCHAR(10) NOT NULL,
    eps_estimate       NUMERIC(12, 4),
    eps_actual         NUMERIC(12, 4),
    eps_surprise_pct   NUMERIC(8, 4),
    revenue_estimate   NUMERIC(20, 2),
    revenue_actual     NUMERIC(20, 2),
    revenue_surprise_pct NUMERIC(8, 4),
    guidance_raised    BOOLEAN,
    guidance_lowered   BOOLEAN,
    reported_at        TIMESTAMPTZ,
    PRIMARY KEY (security_id, fiscal_period)
);

CREATE TABLE analyst_estimates (
    security_id        INTEGER NOT NULL REFERENCES securities (security_id),
    date               DATE NOT NULL,
    analyst_firm       VARCHAR(100) NOT NULL,
    rating             VARCHAR(30),
    previous_rating    VARCHAR(30),
    price_target       NUMERIC(12, 4),
    previous_price_target NUMERIC(12, 4),
    PRIMARY KEY (security_id, date, analyst_firm)
);

-- One row a cycle, id YYYYMMDD-NNN; the v5.0 columns plus status, timings and the funnel's counts.
CREATE TABLE trading_cycles (
    cycle_id                  VARCHAR(20) PRIMARY KEY CHECK (cycle_id ~ '^[0-9]{8}-[0-9]{3,}$'),
    mode                      VARCHAR(20) NOT NULL CHECK (mode IN ('aggressive', 'normal', 'conservative')),
    status                    VARCHAR(20) NOT NULL
                              CHECK (status IN ('active', 'completed', 'failed', 'stopped', 'skipped')),
    max_positions             INTEGER NOT NULL DEFAULT 5 CHECK (max_positions BETWEEN 1 AND 50),
    max_daily_loss            NUMERIC(12, 2) NOT NULL DEFAULT 2000.00,
    position_size_multiplier  NUMERIC(6, 3) NOT NULL DEFAULT 1.0,
    risk_level                NUMERIC(6, 4) NOT NULL DEFAULT 0.02,
    scan_frequency            INTEGER NOT NULL DEFAULT 300,
    started_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    stopped_at                TIMESTAMPTZ,
    session_time              TIMESTAMPTZ,
    total_risk_budget         NUMERIC(12, 2) NOT NULL DEFAULT 2000.00,
    used_risk_budget          NUMERIC(12, 2) NOT NULL DEFAULT 0,
    current_positions         INTEGER NOT NULL DEFAULT 0,
    current_exposure          NUMERIC(14, 2) NOT NULL DEFAULT 0,
    candidates_scanned        INTEGER,
    candidates_after_news     INTEGER,
    candidates_after_pattern  INTEGER,
    candidates_after_technical INTEGER,
    candidates_picked         INTEGER,
    orders_approved           INTEGER,
    orders_placed             INTEGER,
    news_status               VARCHAR(20),
    duration_ms               INTEGER,
    step_timings              JSONB,
    failure_reason            TEXT,
    configuration             JSONB
);
CREATE INDEX idx_trading_cycles_started ON trading_cycles (started_at DESC);

CREATE TABLE scan_results (
    id                    BIGSERIAL PRIMARY KEY,
    cycle_id              VARCHAR(20) NOT NULL REFERENCES trading_cycles (cycle_id),
    security_id           INTEGER NOT NULL REFERENCES securities (security_id),
    scan_timestamp        TIMESTAMPTZ NOT NULL,
    momentum_score        NUMERIC(5, 2) NOT NULL,
    volume_score          NUMERIC(5, 2) NOT NULL,
    catalyst_score        NUMERIC(5, 2) NOT NULL,
    technical_score       NUMERIC(5, 2) NOT NULL,
    composite_score       NUMERIC(5, 2) NOT NULL,
    price                 NUMERIC(12, 4) NOT NULL,
    volume                BIGINT NOT NULL,
    rank                  INTEGER NOT NULL,
    selected_for_trading  BOOLEAN NOT NULL DEFAULT FALSE,
    scan_metadata         JSONB,
    UNIQUE (cycle_id, security_id)
);
CREATE INDEX idx_scan_results_cycle_rank ON scan_results (cycle_id, rank);

CREATE TABLE pattern_analysis (
    pattern_id        BIGSERIAL PRIMARY KEY,
    cycle_id          VARCHAR(20) REFERENCES trading_cycles (cycle_id),
    security_id       INTEGER NOT NULL REFERENCES securities (security_id),
    detected_at       TIMESTAMPTZ NOT NULL,
    timeframe         VARCHAR(10) NOT NULL DEFAULT '1min',
    pattern_type      VARCHAR(40) NOT NULL,
    direction         VARCHAR(10) NOT NULL CHECK (direction IN ('bullish', 'bearish', 'neutral')),
    confidence        NUMERIC(4, 3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    first_bar_time    TIMESTAMPTZ,
    last_bar_time     TIMESTAMPTZ,
    key_levels        JSONB,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_pattern_security_time ON pattern_analysis (security_id, detected_at DESC);
CREATE INDEX idx_pattern_cycle ON pattern_analysis (cycle_id);

-- Every proposal the risk manager saw: approved, resized or rejected, with the reason and the numbers.
CREATE TABLE risk_decisions (
    decision_id         BIGSERIAL PRIMARY KEY,
    cycle_id            VARCHAR(20) REFERENCES trading_cycles (cycle_id),
    security_id         INTEGER NOT NULL REFERENCES securities (security_id),
    decided_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    side                VARCHAR(5) NOT NULL CHECK (side IN ('long', 'short')),
    verdict             VARCHAR(10) NOT NULL CHECK (verdict IN ('approved', 'resized', 'rejected')),
    requested_quantity  INTEGER,
    approved_quantity   INTEGER NOT NULL DEFAULT 0 CHECK (approved_quantity >= 0),
    entry_price         NUMERIC(12, 4) NOT NULL,
    stop_price          NUMERIC(12, 4),
    target_price        NUMERIC(12, 4),
    risk_amount         NUMERIC(12, 2),
    reason              TEXT NOT NULL,
    numbers             JSONB NOT NULL,
    -- one decision a symbol and side a cycle: a retried risk call cannot record it twice
    UNIQUE (cycle_id, security_id, side)
);
CREATE INDEX idx_risk_decisions_cycle ON risk_decisions (cycle_id);

CREATE TABLE risk_events (
    event_id      BIGSERIAL PRIMARY KEY,
    cycle_id      VARCHAR(20) REFERENCES trading_cycles (cycle_id),
    event_type    VARCHAR(40) NOT NULL,
    severity      VARCHAR(10) NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    message       TEXT NOT NULL,
    details       JSONB,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE positions (
    position_id     SERIAL PRIMARY KEY,
    cycle_id        VARCHAR(20) REFERENCES trading_cycles (cycle_id),
    security_id     INTEGER NOT NULL REFERENCES securities (security_id),
    side            VARCHAR(5) NOT NULL CHECK (side IN ('long', 'short')),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    entry_price     NUMERIC(12, 4) NOT NULL,
    exit_price      NUMERIC(12, 4),
    stop_loss       NUMERIC(12, 4),
    take_profit     NUMERIC(12, 4),
    risk_amount     NUMERIC(12, 2),
    status          VARCHAR(20) NOT NULL CHECK (status IN ('open', 'closed', 'partial', 'risk_reduced')),
    opened_at       TIMESTAMPTZ NOT NULL,
    closed_at       TIMESTAMPTZ,
    unrealized_pnl  NUMERIC(14, 2) NOT NULL DEFAULT 0,
    realized_pnl    NUMERIC(14, 2),
    pnl_percent     NUMERIC(8, 4),
    close_reason    VARCHAR(50),
    pattern_type    VARCHAR(40)
);
-- at most one open position a symbol: the trading bundle relies on it
CREATE UNIQUE INDEX uq_positions_open_security ON positions (security_id) WHERE status = 'open';
CREATE INDEX idx_positions_cycle ON positions (cycle_id);

-- Orders carry a deterministic client order id under UNIQUE: a retry or a restart cannot place one twice.
CREATE TABLE orders (
    order_id          UUID PRIMARY KEY,
    client_order_id   VARCHAR(128) NOT NULL UNIQUE,
    cycle_id          VARCHAR(20) REFERENCES trading_cycles (cycle_id),
    decision_id       BIGINT REFERENCES risk_decisions (decision_id),
    position_id       INTEGER REFERENCES positions (position_id),
    security_id       INTEGER NOT NULL REFERENCES securities (security_id),
    side              VARCHAR(4) NOT NULL CHECK (side IN ('buy', 'sell')),
    order_type        VARCHAR(20) NOT NULL CHECK (order_type IN ('market', 'limit', 'stop', 'stop_limit')),
    order_class       VARCHAR(10) NOT NULL DEFAULT 'simple' CHECK (order_class IN ('simple', 'bracket')),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    limit_price       NUMERIC(12, 4),
    stop_price        NUMERIC(12, 4),
    take_profit_price NUMERIC(12, 4),
    filled_qty        INTEGER NOT NULL DEFAULT 0 CHECK (filled_qty >= 0),
    filled_avg_price  NUMERIC(12, 4),
    status            VARCHAR(20) NOT NULL
                      CHECK (status IN ('pending_submit', 'submitted', 'new', 'accepted', 'partially_filled',
                                        'filled', 'canceled', 'rejected', 'expired', 'unknown')),
    broker_order_id   VARCHAR(64) UNIQUE,
    reject_reason     TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    submitted_at      TIMESTAMPTZ,
    filled_at         TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    metadata          JSONB
);
CREATE INDEX idx_orders_cycle ON orders (cycle_id);
CREATE INDEX idx_orders_status ON orders (status);

CREATE TABLE fills (
    fill_id         BIGSERIAL PRIMARY KEY,
    order_id        UUID NOT NULL REFERENCES orders (order_id),
    broker_fill_id  VARCHAR(64) NOT NULL UNIQUE,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    price           NUMERIC(12, 4) NOT NULL CHECK (price > 0),
    commission      NUMERIC(10, 4) NOT NULL DEFAULT 0,
    filled_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_fills_order ON fills (order_id);

CREATE TABLE performance_daily (
    date               DATE PRIMARY KEY,
    cycles             INTEGER NOT NULL DEFAULT 0,
    trades_opened      INTEGER NOT NULL DEFAULT 0,
    trades_closed      INTEGER NOT NULL DEFAULT 0,
    wins               INTEGER NOT NULL DEFAULT 0,
    losses             INTEGER NOT NULL DEFAULT 0,
    realized_pnl       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    unrealized_pnl     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    commissions        NUMERIC(12, 2) NOT NULL DEFAULT 0,
    gross_exposure     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    last_cycle_id      VARCHAR(20) REFERENCES trading_cycles (cycle_id),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE cycle_reports (
    cycle_id         VARCHAR(20) PRIMARY KEY REFERENCES trading_cycles (cycle_id),
    status           VARCHAR(20) NOT NULL,
    orders_placed    INTEGER NOT NULL,
    open_positions   INTEGER NOT NULL,
    realized_pnl     NUMERIC(14, 2) NOT NULL,
    unrealized_pnl   NUMERIC(14, 2) NOT NULL,
    report           JSONB NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Messages that exhausted their redeliveries: an operator reads them here, not only in a log line.
CREATE TABLE dead_letters (
    dead_letter_id  BIGSERIAL PRIMARY KEY,
    route_id        VARCHAR(100),
    cycle_id        VARCHAR(20),
    endpoint        TEXT,
    exception       TEXT NOT NULL,
    body            TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION get_or_create_security(p_symbol VARCHAR) RETURNS INTEGER AS $$
DECLARE v_id INTEGER;
BEGIN
    SELECT security_id INTO v_id FROM securities WHERE symbol = upper(p_symbol);
    IF v_id IS NULL THEN
        INSERT INTO securities (symbol) VALUES (upper(p_symbol))
        ON CONFLICT (symbol) DO UPDATE SET symbol = EXCLUDED.symbol
        RETURNING security_id INTO v_id;
    END IF;
    RETURN v_id;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION get_or_create_time(p_ts TIMESTAMPTZ) RETURNS BIGINT AS $$
DECLARE
    v_id BIGINT;
    v_et TIMESTAMP := p_ts AT TIME ZONE 'America/New_York';
    v_minute INTEGER := EXTRACT(HOUR FROM v_et) * 60 + EXTRACT(MINUTE FROM v_et);
    v_weekday BOOLEAN := EXTRACT(ISODOW FROM v_et) < 6;
BEGIN
    SELECT time_id INTO v_id FROM time_dimension WHERE "timestamp" = p_ts;
    IF v_id IS NULL THEN
        INSERT INTO time_dimension ("timestamp", date, year, quarter, month, week, day, day_of_week, day_of_year,
                                    hour, minute, market_session, is_trading_day)
        VALUES (p_ts, v_et::date, EXTRACT(YEAR FROM v_et), EXTRACT(QUARTER FROM v_et), EXTRACT(MONTH FROM v_et),
                EXTRACT(WEEK FROM v_et), EXTRACT(DAY FROM v_et), EXTRACT(ISODOW FROM v_et), EXTRACT(DOY FROM v_et),
                EXTRACT(HOUR FROM v_et), EXTRACT(MINUTE FROM v_et),
                CASE WHEN NOT v_weekday THEN 'closed'
                     WHEN v_minute >= 240 AND v_minute < 570 THEN 'pre_market'
                     WHEN v_minute >= 570 AND v_minute < 960 THEN 'regular'
                     WHEN v_minute >= 960 AND v_minute < 1200 THEN 'after_hours'
                     ELSE 'closed' END,
                v_weekday)
        ON CONFLICT ("timestamp") DO UPDATE SET date = EXCLUDED.date
        RETURNING time_id INTO v_id;
    END IF;
    RETURN v_id;
END;
$$ LANGUAGE plpgsql;

CREATE VIEW v_positions_current AS
SELECT p.position_id, s.symbol, p.side, p.quantity, p.entry_price, p.stop_loss, p.take_profit,
       p.unrealized_pnl, p.opened_at, p.cycle_id
FROM positions p JOIN securities s USING (security_id)
WHERE p.status = 'open';
