-- Risk limits changed at run time (PUT /api/v1/risk/limits, the MCP tool update_risk_parameters).
-- Each row is one change: the overrides in force after it (every limit changed since the last reset, laid over the
-- configured catalyst.risk.* values), what the request named, and the limits before and after. The newest row wins
-- at start-up; a reset writes a row with no overrides. Rows are never updated or deleted: they are the audit trail.
create table risk_limit_changes (
    change_id   bigserial primary key,
    changed_at  timestamptz not null default now(),
    source      varchar(20) not null check (source in ('rest', 'mcp', 'reset')),
    reason      text,
    requested   jsonb not null,
    overrides   jsonb not null,
    before      jsonb not null,
    after       jsonb not null
);
