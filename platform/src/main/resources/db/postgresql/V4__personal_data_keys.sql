-- The key store of personal data (ADR 0008): one key per data subject (a customer, a case), wrapped under the
-- master key. Both services read it; the command side makes keys and deletes them on erasure.
-- "if not exists": JdbcDataKeys creates the same table when it finds none (standalone H2 has no migrations).

create table if not exists customer_data_keys (
    key_id      varchar(32)              not null,
    subject     varchar(120)             not null,
    wrapped_key varchar(200)             not null,
    created_at  timestamp with time zone not null,
    constraint pk_customer_data_keys primary key (key_id),
    constraint uk_customer_data_keys_subject unique (subject)
);
