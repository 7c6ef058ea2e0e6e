-- A backtest's round trip may be a short (catalyst.trading.allow-short): its side, as positions.side says it live.
alter table backtest_trades add column side varchar(5) not null default 'long' check (side in ('long', 'short'));
