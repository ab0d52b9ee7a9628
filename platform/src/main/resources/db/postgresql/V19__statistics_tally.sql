-- The statistics projection's counts per reporting day (in complaints.statistics.zone), grouping and group key: the
-- metrics over periods (on-time, rates, compensation, trend, hot spots) add up a period's days instead of counting its
-- cases. Kept by the projection in the transaction of the facts it counts; no personal data (enums, branch codes,
-- counts, amounts). The level grouping, which moves with a case, is not kept here (counted from the facts).
create table statistics_tally (
    grouping_name varchar(16)    not null,
    measure       varchar(16)    not null,
    tally_day     date           not null,
    group_key     varchar(40)    not null,
    figure        varchar(60)    not null,
    tally_count   bigint         not null,
    amount        numeric(19, 4) not null,
    constraint pk_statistics_tally primary key (grouping_name, measure, tally_day, group_key, figure)
);

-- the counts and the columns below are made by the projection: it is rebuilt from the first event at the next start
delete from statistics_class_change;
delete from statistics_escalation;
delete from statistics_clock;
delete from statistics_compensation;
delete from statistics_feedback;
delete from statistics_case;
delete from token_entry where processor_name = 'statistics';

-- a case's class, responsibility and level as they stood at the end of its registration day (in the reporting zone):
-- what the daily statistics count of the day's cases
alter table statistics_case add column day_end_class varchar(16) not null;
alter table statistics_case add column day_end_responsibility varchar(16) not null;
alter table statistics_case add column day_end_level varchar(32) not null;

-- a change of class knows when its case was registered: the day's reclassified cases (registered before the day) are
-- found among the day's changes alone
alter table statistics_class_change add column registered_at timestamp(6) with time zone not null;
create index ix_statistics_class_change_reclassified on statistics_class_change (changed_at, registered_at);
