-- The query side's statistics projection (processing group "statistics"): each case's counting facts and the facts
-- the bank's own statistics count, one row per fact keyed by the case and the event's sequence (a redelivered event
-- finds its row). No personal data: ids, enums, times, amounts. Rebuilt by a replay (/api/admin/projections).

create table statistics_case (
    complaint_id     varchar(36)                 not null,
    version          bigint                      not null,
    registered_at    timestamp(6) with time zone not null,
    channel          varchar(32)                 not null,
    category         varchar(32)                 not null,
    subcategory      varchar(40)                 not null,
    root_issue       varchar(32)                 not null,
    branch_code      varchar(32)                 not null,
    handling_level   varchar(32)                 not null,
    counting_class   varchar(16)                 not null,
    counting_reason  varchar(32),
    responsibility   varchar(16),
    above_branch     boolean                     not null,
    not_a_complaint  boolean                     not null,
    repeat_complaint boolean                     not null,
    escalated        boolean                     not null,
    withdrawn        boolean                     not null,
    constraint pk_statistics_case primary key (complaint_id)
);

create index ix_statistics_case_registered on statistics_case (registered_at, complaint_id);

-- every change of a case's class, responsibility or level, at the time it was recorded: a past day's report
-- reads the last change before that day's end
create table statistics_class_change (
    change_id       varchar(60)                 not null,
    complaint_id    varchar(36)                 not null,
    sequence_number bigint                      not null,
    changed_at      timestamp(6) with time zone not null,
    counting_class  varchar(16)                 not null,
    responsibility  varchar(16)                 not null,
    handling_level  varchar(32)                 not null,
    constraint pk_statistics_class_change primary key (change_id)
);

create index ix_statistics_class_change_case on statistics_class_change (complaint_id, sequence_number);
create index ix_statistics_class_change_at on statistics_class_change (changed_at);

create table statistics_escalation (
    fact_id       varchar(60)                 not null,
    complaint_id  varchar(36)                 not null,
    escalated_at  timestamp(6) with time zone not null,
    reason        varchar(40)                 not null,
    to_level      varchar(32)                 not null,
    constraint pk_statistics_escalation primary key (fact_id)
);

create index ix_statistics_escalation_case on statistics_escalation (complaint_id);

-- a clock that ended: met in time, or breached (a breached clock met late stays breached)
create table statistics_clock (
    fact_id      varchar(120)                not null,
    complaint_id varchar(36)                 not null,
    clock        varchar(40)                 not null,
    due_at       timestamp(6) with time zone not null,
    ended_at     timestamp(6) with time zone not null,
    met_in_time  boolean                     not null,
    constraint pk_statistics_clock primary key (fact_id)
);

create index ix_statistics_clock_ended on statistics_clock (ended_at);

create table statistics_compensation (
    fact_id      varchar(60)                 not null,
    complaint_id varchar(36)                 not null,
    stage        varchar(16)                 not null,
    amount       numeric(19, 4)              not null,
    currency     varchar(3)                  not null,
    recorded_at  timestamp(6) with time zone not null,
    constraint pk_statistics_compensation primary key (fact_id)
);

create index ix_statistics_compensation_recorded on statistics_compensation (recorded_at);

create table statistics_feedback (
    fact_id      varchar(60)                 not null,
    complaint_id varchar(36)                 not null,
    answered_at  timestamp(6) with time zone not null,
    score        integer                     not null,
    satisfied    boolean                     not null,
    constraint pk_statistics_feedback primary key (fact_id)
);

create index ix_statistics_feedback_answered on statistics_feedback (answered_at);
