package com.complaintcase.command.scheduling;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.List;

/**
 * Persistent deadlines: Axon's {@code DeadlineManager} on db-scheduler, whose tasks live in the
 * database ({@code scheduled_tasks}), so a deadline survives a restart and fires once even with several
 * nodes. Axon's auto-configuration contributes the deadline task and the deadline manager once a
 * {@link Scheduler} exists; the db-scheduler starter does not create one under Spring Boot 4, so it is
 * declared here and started when the application is ready. Recurring tasks (the daily integrity checkpoint) are
 * scheduled as it starts.
 * <p>
 * A deadline is scheduled (or cancelled) in the transaction of the command that asks for it, on the command's own
 * connection: it is stored if and only if the command's events are, and a command costs no second connection and
 * commit per deadline (measured: two of each per registration). db-scheduler commits only connections it opened in
 * auto-commit mode itself, so it leaves the command's to the command. Outside a transaction (its own polling and
 * executions) it works on connections of its own as before. A deadline already due when it is scheduled is found by
 * the next poll after the command commits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineSchedulingProperties.class)
public class DeadlineSchedulingConfiguration {

    /**
     * The deadline store finds deadlines due on the system's clock, or on a db-scheduler {@link Clock} given as a bean
     * (a test that moves time: it schedules by the application's clock and then fires by the same).
     */
    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, List<RecurringTask<?>> recurringTasks,
                                DeadlineSchedulingProperties properties, ObjectProvider<Clock> deadlineClock) {
        ScheduledTasksTable.ensureExists(dataSource);
        List<Task<?>> onDemand = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), onDemand)
                .startTasks(recurringTasks)
                .threads(properties.getThreads())
                .pollingInterval(properties.getPollingInterval())
                .shutdownMaxWait(properties.getShutdownMaxWait())
                .heartbeatInterval(properties.getHeartbeatInterval())
                .missedHeartbeatsLimit(properties.getMissedHeartbeatsLimit())
                .enableImmediateExecution()
                .clock(deadlineClock.getIfAvailable(SystemClock::new))
                .build();
    }

    /**
     * Starts polling once the application is ready. What a fired deadline causes carries the same audit
     * metadata as anything else (the system as actor, correlation and causation ids), so the deadline
     * manager gets the correlation data interceptor first.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startDeadlineScheduler(Scheduler deadlineScheduler,
                                                                     DeadlineManager deadlineManager,
                                                                     List<CorrelationDataProvider> correlationDataProviders) {
        return ready -> {
            deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(correlationDataProviders));
            deadlineScheduler.start();
        };
    }
}
