package com.complaintcase.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture every rules test runs on: the {@link Complaint} aggregate behind the real
 * {@link ComplaintCommandHandler}, with the default policy and a clock that reads the fixture's time,
 * pinned to {@link Moments#NOW}. SLA deadlines go to the fixture's stub deadline manager; the ids it makes
 * up are recorded in {@link #scheduled}.
 */
abstract class ComplaintRulesTest {

    protected AggregateTestFixture<Complaint> fixture;
    protected ScheduledSlaDeadlines scheduled;

    @BeforeEach
    void setUpFixture() {
        AggregateTestFixture<Complaint> aggregateFixture = new AggregateTestFixture<>(Complaint.class);
        FixtureClock clock = new FixtureClock(aggregateFixture::currentTime);
        aggregateFixture.registerAnnotatedCommandHandler(
                new ComplaintCommandHandler(aggregateFixture.getRepository(), aggregateFixture.getEventStore(),
                        ComplaintPolicy.DEFAULT, clock));
        scheduled = new ScheduledSlaDeadlines();
        aggregateFixture.registerDeadlineDispatchInterceptor(scheduled);
        aggregateFixture.givenCurrentTime(Moments.NOW);
        fixture = aggregateFixture;
    }
}
