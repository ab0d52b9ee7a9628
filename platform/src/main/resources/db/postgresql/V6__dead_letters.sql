-- Query side: events a projection failed on, parked with every later event of the same sequence (Axon's
-- JpaSequencedDeadLetterQueue, entity DeadLetterEntry), byte columns as bytea as in V1 (see PostgresBinaryColumns).
create table dead_letter_entry (
    dead_letter_id       varchar(255)                not null,
    processing_group     varchar(255)                not null,
    sequence_identifier  varchar(255)                not null,
    sequence_index       bigint                      not null,
    message_type         varchar(255)                not null,
    event_identifier     varchar(255)                not null,
    time_stamp           varchar(255)                not null,
    payload_type         varchar(255)                not null,
    payload_revision     varchar(255),
    payload              bytea                       not null,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint pk_dead_letter_entry primary key (dead_letter_id),
    constraint uk_dead_letter_entry_sequence_index unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_dead_letter_entry_group on dead_letter_entry (processing_group);
create index ix_dead_letter_entry_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- Query side: who evicted a parked sequence, in which role, when, why, and which events were never applied.
create table dead_letter_eviction (
    id                  varchar(36)                 not null,
    processor           varchar(255)                not null,
    sequence_identifier varchar(255)                not null,
    evicted_by          varchar(255)                not null,
    evicted_by_role     varchar(40)                 not null,
    evicted_at          timestamp(6) with time zone not null,
    reason              varchar(500)                not null,
    constraint pk_dead_letter_eviction primary key (id)
);
create index ix_dead_letter_eviction_processor on dead_letter_eviction (processor, evicted_at);

create table dead_letter_evicted_event (
    eviction_id      varchar(36)  not null,
    event_order      integer      not null,
    event_identifier varchar(255) not null,
    event_type       varchar(255) not null,
    event_sequence   bigint,
    global_position  bigint,
    cause_type       varchar(255),
    constraint pk_dead_letter_evicted_event primary key (eviction_id, event_order),
    constraint fk_dead_letter_evicted_event_eviction foreign key (eviction_id) references dead_letter_eviction (id)
);
