package com.complaintcase.command.complaint;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture every rules test runs on: the {@link Complaint} aggregate behind the real
 * {@link ComplaintCommandHandler}, with the default policy (another one with {@link #useFixtureWith}) and a clock that reads the fixture's time,
 * pinned to {@link Moments#NOW}. SLA deadlines go to the fixture's stub deadline manager; the ids it makes
 * up are recorded in {@link #scheduled}. The other cases a registration looks at for a repeat or a group complaint
 * are {@link #knownComplaints}: none, unless a test states some.
 */
abstract class ComplaintRulesTest {

    protected AggregateTestFixture<Complaint> fixture;
    protected ScheduledSlaDeadlines scheduled;
    protected KnownComplaints knownComplaints;

    @BeforeEach
    void setUpFixture() {
        useFixtureWith(ComplaintPolicy.DEFAULT);
    }

    /** Replaces the fixture with a fresh one whose command handler applies {@code policy}; call it before any given. */
    protected void useFixtureWith(ComplaintPolicy policy) {
        useFixtureWith(policy, com.complaintcase.command.complaint.sla.TestPacks.standard(policy.version(),
                policy.firstContactLimit(), policy.resolutionLimit(), (int) policy.maxExtension().toDays()));
    }

    /** Replaces the fixture with one whose command handler applies {@code policy} and chooses from {@code packs}. */
    protected void useFixtureWith(ComplaintPolicy policy, com.complaintcase.command.complaint.sla.PolicyPacks packs) {
        AggregateTestFixture<Complaint> aggregateFixture = new AggregateTestFixture<>(Complaint.class);
        FixtureClock clock = new FixtureClock(aggregateFixture::currentTime);
        knownComplaints = new KnownComplaints();
        aggregateFixture.registerAnnotatedCommandHandler(
                new ComplaintCommandHandler(aggregateFixture.getRepository(), aggregateFixture.getEventStore(),
                        policy, packs, clock, knownComplaints));
        scheduled = new ScheduledSlaDeadlines();
        aggregateFixture.registerDeadlineDispatchInterceptor(scheduled);
        aggregateFixture.givenCurrentTime(Moments.NOW);
        fixture = aggregateFixture;
    }
}
