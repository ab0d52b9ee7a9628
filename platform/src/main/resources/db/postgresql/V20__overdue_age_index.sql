-- The overdue-age statistics count the open cases whose earliest pending due time (next_due_at) is past, by its age
-- and a grouping: read from this index alone.
create index ix_case_overdue_age on case_summary (next_due_at)
    include (category, subcategory, root_issue, branch_code, channel, handling_level)
    where open_case = true;
