-- The query side's read models: case summaries with their deadlines and escalations (cases), and the metrics
-- tables (metrics). All of them are rebuilt by a replay (/api/admin/projections).
-- Enumerated columns are plain varchar: a new constant in the code needs no migration.

create table case_summary (
    complaint_id               varchar(36)                 not null,
    version                    bigint                      not null,
    status                     varchar(32)                 not null,
    channel                    varchar(32)                 not null,
    category                   varchar(32)                 not null,
    subcategory                varchar(40)                 not null,
    root_issue                 varchar(32)                 not null,
    handling_level             varchar(32)                 not null,
    branch_code                varchar(32)                 not null,
    registered_branch_code     varchar(32)                 not null,
    business_line              varchar(200),
    incident_code              varchar(64),
    customer_id                varchar(64)                 not null,
    customer_name              varchar(200),
    customer_phone             varchar(40),
    customer_email             varchar(254),
    description                varchar(4000),
    requested_remedy           varchar(32),
    requested_amount           numeric(19, 4),
    requested_currency         varchar(3),
    handler_id                 varchar(64),
    first_responder_id         varchar(64),
    validity                   varchar(16),
    responsibility             varchar(16),
    compensation_proposed      numeric(19, 4),
    compensation_approved      numeric(19, 4),
    compensation_currency      varchar(3),
    compensation_paid          numeric(19, 4),
    compensation_paid_currency varchar(3),
    satisfaction_score         integer,
    policy_name                varchar(64),
    policy_version             integer,
    late_entry                 boolean                     not null,
    media_threat               boolean                     not null,
    skipped_level              boolean                     not null,
    vulnerable_customer        boolean                     not null,
    open_case                  boolean                     not null,
    reopen_count               integer                     not null,
    received_at                timestamp(6) with time zone not null,
    registered_at              timestamp(6) with time zone not null,
    last_changed_at            timestamp(6) with time zone not null,
    next_due_at                timestamp(6) with time zone,
    resolved_at                timestamp(6) with time zone,
    closed_at                  timestamp(6) with time zone,
    constraint pk_case_summary primary key (complaint_id)
);

create index ix_case_open_branch on case_summary (open_case, branch_code, received_at, complaint_id);
create index ix_case_open_handler on case_summary (open_case, handler_id, received_at, complaint_id);
create index ix_case_open_status on case_summary (open_case, status, received_at, complaint_id);
create index ix_case_open_category on case_summary (open_case, category, received_at, complaint_id);
create index ix_case_open_level on case_summary (open_case, handling_level, received_at, complaint_id);
create index ix_case_open_received on case_summary (open_case, received_at, complaint_id);
create index ix_case_next_due on case_summary (next_due_at, complaint_id);
create index ix_case_branch_next_due on case_summary (branch_code, next_due_at, complaint_id);
create index ix_case_handler_next_due on case_summary (handler_id, next_due_at, complaint_id);
create index ix_case_registered on case_summary (registered_at);

create table case_deadline (
    complaint_id varchar(36)                 not null,
    position     integer                     not null,
    clock        varchar(40)                 not null,
    state        varchar(16)                 not null,
    due_at       timestamp(6) with time zone not null,
    met_at       timestamp(6) with time zone,
    breached_at  timestamp(6) with time zone,
    constraint pk_case_deadline primary key (complaint_id, position),
    constraint fk_case_deadline_case foreign key (complaint_id) references case_summary (complaint_id)
);

create index ix_case_deadline_due on case_deadline (met_at, state, due_at);

create table case_escalation (
    complaint_id varchar(36)                 not null,
    position     integer                     not null,
    escalated_at timestamp(6) with time zone not null,
    from_level   varchar(32)                 not null,
    to_level     varchar(32)                 not null,
    reason       varchar(40)                 not null,
    escalated_by varchar(64)                 not null,
    note         varchar(4000),
    constraint pk_case_escalation primary key (complaint_id, position),
    constraint fk_case_escalation_case foreign key (complaint_id) references case_summary (complaint_id)
);

create table metrics_case (
    complaint_id   varchar(36)                 not null,
    version        bigint                      not null,
    registered_at  timestamp(6) with time zone not null,
    channel        varchar(32)                 not null,
    category       varchar(32)                 not null,
    subcategory    varchar(40)                 not null,
    root_issue     varchar(32)                 not null,
    handling_level varchar(32)                 not null,
    branch_code    varchar(32)                 not null,
    handler_id     varchar(64),
    constraint pk_metrics_case primary key (complaint_id)
);

create index ix_metrics_case_registered on metrics_case (registered_at);

create table metrics_resolution (
    event_id      varchar(64)                 not null,
    complaint_id  varchar(36)                 not null,
    registered_at timestamp(6) with time zone not null,
    resolved_at   timestamp(6) with time zone not null,
    seconds       bigint                      not null,
    constraint pk_metrics_resolution primary key (event_id)
);

create index ix_metrics_resolution_resolved on metrics_resolution (resolved_at);

create table metrics_satisfaction (
    event_id     varchar(64)                 not null,
    complaint_id varchar(36)                 not null,
    score        integer                     not null,
    satisfied    boolean                     not null,
    answered_at  timestamp(6) with time zone not null,
    constraint pk_metrics_satisfaction primary key (event_id)
);

create index ix_metrics_satisfaction_answered on metrics_satisfaction (answered_at);
