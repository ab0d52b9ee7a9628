-- Tamper-evident case histories (ADR 0010), continued.
-- Command side: each case's latest chain head, written in the transaction that appends its events, so that removing
-- a case's newest events is found at once rather than at the next checkpoint.
create table case_head (
    complaint_id  varchar(64) not null,
    head_sequence bigint      not null,
    head_hash     varchar(64) not null,
    constraint pk_case_head primary key (complaint_id)
);

-- The cases whose chain was found broken (by a refused command or a verification), for compliance; a listed case
-- accepts no command.
create table integrity_broken_case (
    complaint_id   varchar(64)              not null,
    detected_at    timestamp with time zone not null,
    break_sequence bigint                   not null,
    break_kind     varchar(32)              not null,
    detected_by    varchar(32)              not null,
    constraint pk_integrity_broken_case primary key (complaint_id)
);

-- Checkpoints per period (complaints.integrity.checkpoint.interval): the changed cases by period, and the period of
-- each checkpoint covering a case. Null for the rows of daily checkpoints recorded before: their period is their day.
alter table integrity_case_day add column period_start timestamp with time zone;
alter table integrity_case_day add column period_end timestamp with time zone;
create index ix_integrity_case_day_period on integrity_case_day (period_start, case_id);
alter table integrity_checkpoint_case add column period_start timestamp with time zone;
