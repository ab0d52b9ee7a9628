-- What each stored event the regulatory returns read tells them (query side, ReturnFactProjection): one row per
-- event, keyed by its global position, so that a return as of a position reads these narrow rows up to the
-- position the projection has completed and the events after it. No personal data: the customer id is the bank's
-- reference, stored in clear in the events too.
create table return_fact (
    global_index    bigint not null,
    kind            varchar(16) not null,
    case_id         text not null,
    recorded_at     text not null,
    received_at     text,
    registered_at   text,
    channel         text,
    branch_code     text,
    category        text,
    subcategory     text,
    root_issue      text,
    product         text,
    customer_id     text,
    not_a_complaint boolean not null default false,
    transferred_to  text,
    validity        text,
    responsibility  text,
    contacted_at    text,
    paid_amount     text,
    paid_currency   text,
    paid_at         text,
    checkpoint_id   text,
    period_start    text,
    period_end      text,
    merkle_root     text,
    constraint pk_return_fact primary key (global_index)
);
