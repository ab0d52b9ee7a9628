-- Tamper-evident case histories (ADR 0010).
-- Command side: the cases changed per day with their chain heads, read by the daily checkpoint and cleared after it.
create table integrity_case_day (
    id            varchar(64) not null,
    change_day    date        not null,
    case_id       varchar(64) not null,
    head_sequence bigint      not null,
    head_hash     varchar(64) not null,
    constraint pk_integrity_case_day primary key (id)
);
create index ix_integrity_case_day_day on integrity_case_day (change_day, case_id);

-- Query side: which daily checkpoints cover a case (verification and export read them).
create table integrity_checkpoint_case (
    id             varchar(128) not null,
    case_id        varchar(64)  not null,
    checkpoint_day date         not null,
    checkpoint_id  varchar(64)  not null,
    constraint pk_integrity_checkpoint_case primary key (id)
);
create index ix_integrity_checkpoint_case on integrity_checkpoint_case (case_id, checkpoint_day);
