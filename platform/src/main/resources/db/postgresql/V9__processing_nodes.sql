-- Query side: the services alive now, each seen every few seconds, so that they share the projections' segments
-- (SegmentBalancer).
create table processing_node (
    node_id varchar(255)             not null,
    seen_at timestamp with time zone not null,
    constraint pk_processing_node primary key (node_id)
);
