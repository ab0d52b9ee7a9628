-- Query side: the secondary indexes of the cases projection's tables while a rebuild fills them. A rebuild drops them
-- (their definitions kept here, in the transaction that empties the tables) and makes each again once the rebuild has
-- caught up, or at the next start after a stop during a rebuild: rows are written once each, indexed once at the end.
create table rebuild_deferred_index (
    index_name varchar(128) not null,
    table_name varchar(128) not null,
    definition text         not null,
    constraint pk_rebuild_deferred_index primary key (index_name)
);
