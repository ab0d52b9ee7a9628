package com.complaintcase.command.scheduling;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Creates db-scheduler's table where it does not exist yet (H2 and PostgreSQL). */
final class ScheduledTasksTable {

    private ScheduledTasksTable() {
    }

    static void ensureExists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            String binary = postgres ? "bytea" : "blob";
            statement.execute("create table if not exists scheduled_tasks ("
                    + " task_name varchar(100) not null,"
                    + " task_instance varchar(100) not null,"
                    + " task_data " + binary + ","
                    + " execution_time timestamp with time zone not null,"
                    + " picked boolean not null,"
                    + " picked_by varchar(50),"
                    + " last_success timestamp with time zone,"
                    + " last_failure timestamp with time zone,"
                    + " consecutive_failures int,"
                    + " last_heartbeat timestamp with time zone,"
                    + " version bigint not null,"
                    + " priority smallint,"
                    + " primary key (task_name, task_instance))");
            statement.execute("create index if not exists scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time)");
            statement.execute("create index if not exists scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            statement.execute("create index if not exists scheduled_tasks_priority_idx on scheduled_tasks (priority desc, execution_time asc)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the deadline table scheduled_tasks", e);
        }
    }
}
