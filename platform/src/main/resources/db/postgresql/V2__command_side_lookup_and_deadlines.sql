-- The command side's own tables: the lookup of related complaints (ComplaintLookupEntry) and db-scheduler's
-- persistent deadlines (the same table ScheduledTasksTable creates on H2 in standalone mode).
-- Enumerated columns are plain varchar: a new constant in the code needs no migration.

create table complaint_lookup (
    complaint_id  varchar(36)              not null,
    version       bigint                   not null,
    customer_id   varchar(64)              not null,
    subcategory   varchar(40)              not null,
    branch_code   varchar(32)              not null,
    incident_code varchar(64),
    registered_at timestamp(6) with time zone not null,
    closed_at     timestamp(6) with time zone,
    constraint pk_complaint_lookup primary key (complaint_id)
);

create index ix_complaint_lookup_repeat on complaint_lookup (customer_id, subcategory, closed_at);
create index ix_complaint_lookup_group on complaint_lookup (branch_code, subcategory, registered_at);
create index ix_complaint_lookup_incident on complaint_lookup (incident_code, registered_at);

create table scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(100)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_idx on scheduled_tasks (priority desc, execution_time asc);
