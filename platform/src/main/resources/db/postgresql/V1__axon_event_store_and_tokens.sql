-- Axon Framework's JPA event store (domain events and snapshots) and token store, with byte columns as bytea
-- (see PostgresBinaryColumns). The event store tables stay empty when the events are in Axon Server.

create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index         bigint       not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint pk_domain_event_entry primary key (global_index),
    constraint uk_domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint uk_domain_event_entry_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    constraint pk_snapshot_event_entry primary key (sequence_number, aggregate_identifier, type),
    constraint uk_snapshot_event_entry_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255) not null,
    owner          varchar(255),
    constraint pk_token_entry primary key (processor_name, segment)
);
