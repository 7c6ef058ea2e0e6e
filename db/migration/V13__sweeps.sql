-- Parameter sweeps (issue 15, docs/research.md): a sweep's request and progress, each trial's result written once under
-- its id (sweep_id, trial_no): an insert that finds the trial already there does nothing, so a trial run twice (a
-- worker that died after writing, a retry) is never counted twice; and each walk-forward fold's choice.
create table sweeps (
    sweep_id        bigint generated always as identity primary key,
    status          text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed', 'cancelled')),
    strategy        text not null,
    request         jsonb not null,
    base_parameters jsonb not null,
    method          text not null check (method in ('grid', 'random')),
    objective       text not null,
    walk_forward    jsonb,
    seed            bigint,
    source          text not null,
    symbols         text[],
    range_from      date,
    range_to        date,
    sessions        integer not null,
    trials_total    integer not null check (trials_total > 0),
    trials_done     integer not null default 0,
    trials_skipped  integer not null default 0,
    threads         integer,
    error           text,
    summary         jsonb,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz
);

create table sweep_trials (
    sweep_id        bigint not null references sweeps (sweep_id) on delete cascade,
    trial_no        integer not null check (trial_no > 0),
    parameters      jsonb not null,
    in_sample       jsonb not null,
    out_of_sample   jsonb,
    folds           jsonb not null default '[]',
    session_returns double precision[] not null,
    bars            bigint not null,
    run_millis      bigint not null,
    session_equity  numeric[] not null,
    -- who ran it: host:pid of the process (a worker, or the process that took the sweep)
    worker          text not null,
    finished_at     timestamptz not null default now(),
    primary key (sweep_id, trial_no)
);

create table sweep_folds (
    sweep_id            bigint not null references sweeps (sweep_id) on delete cascade,
    fold_no             integer not null check (fold_no > 0),
    in_sample_from      date not null,
    in_sample_to        date not null,
    out_of_sample_from  date not null,
    out_of_sample_to    date not null,
    chosen_trial        integer not null,
    chosen_parameters   jsonb not null,
    in_sample_objective double precision,
    out_of_sample       jsonb not null,
    primary key (sweep_id, fold_no)
);
