-- Backtest runs (issue 8): a run's parameters, data, progress and outcome; its round trips and its equity at each
-- session's close. A run's rows are written in batches while it goes, so a run that fails keeps what it had done.
create table backtest_runs (
    run_id        bigint generated always as identity primary key,
    status        text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
    strategy      text not null,
    parameters    jsonb not null,
    source        text not null,
    symbols       text[],
    range_from    date,
    range_to      date,
    bars_total    bigint,
    bars_done     bigint not null default 0,
    error         text,
    result        jsonb,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    load_millis   bigint,
    run_millis    bigint
);

create table backtest_trades (
    run_id        bigint not null references backtest_runs (run_id) on delete cascade,
    trade_no      integer not null,
    symbol        text not null,
    pattern_type  text,
    quantity      integer not null check (quantity > 0),
    entry_time    timestamptz not null,
    entry_bar     bigint not null,
    entry_price   numeric(14, 4) not null,
    exit_time     timestamptz not null,
    exit_bar      bigint not null,
    exit_price    numeric(14, 4) not null,
    exit_reason   text,
    stop_price    numeric(14, 4),
    target_price  numeric(14, 4),
    commission    numeric(14, 4) not null default 0,
    realized_pnl  numeric(14, 2) not null,
    primary key (run_id, trade_no)
);

create table backtest_equity (
    run_id        bigint not null references backtest_runs (run_id) on delete cascade,
    point_no      integer not null,
    at            timestamptz not null,
    equity        numeric(16, 2) not null,
    cash          numeric(16, 2) not null,
    drawdown      numeric(16, 2) not null,
    primary key (run_id, point_no)
);
