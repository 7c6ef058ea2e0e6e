-- The trader's watchlist (GET/POST /api/v1/scanner/watchlist, DELETE /api/v1/scanner/watchlist/{symbol}, the MCP tools
-- get_watchlist, add_to_watchlist and remove_from_watchlist): symbols every scan ranks, even those its filters drop
-- (docs/architecture.md, "The watchlist"). One row a symbol; WatchlistBook is the table's only writer.
create table watchlist (
    symbol    varchar(10) primary key check (symbol ~ '^[A-Z][A-Z0-9.]{0,9}$'),
    note      varchar(200),
    added_at  timestamptz not null default now()
);
