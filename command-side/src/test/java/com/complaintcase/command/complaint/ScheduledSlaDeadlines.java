package com.complaintcase.command.complaint;

import com.complaintcase.values.SlaClock;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * Records the id of every SLA deadline scheduled through the fixture's deadline manager (which makes up
 * random ids), so that an expected event can name the very deadline the case scheduled. Read the ids only
 * after the command ran: {@code fixture.when(command).expectEvents(eventNaming(scheduled.idOf(clock)))}
 * evaluates the argument once {@code when} has returned.
 */
final class ScheduledSlaDeadlines implements MessageDispatchInterceptor<DeadlineMessage<?>> {

    record Scheduled(SlaDeadlineDue due, String deadlineId) {
    }

    private final List<Scheduled> scheduled = new CopyOnWriteArrayList<>();

    @Override
    public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(List<? extends DeadlineMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof SlaDeadlineDue due) {
                scheduled.add(new Scheduled(due, message.getIdentifier()));
            }
            return message;
        };
    }

    /** How many SLA deadlines were scheduled so far (cancelled ones included). */
    int count() {
        return scheduled.size();
    }

    /** The id of the deadline most recently scheduled for the clock. */
    String idOf(SlaClock clock) {
        for (int i = scheduled.size() - 1; i >= 0; i--) {
            if (scheduled.get(i).due().clock() == clock) {
                return scheduled.get(i).deadlineId();
            }
        }
        throw new AssertionError("no " + clock + " deadline was scheduled; scheduled: " + scheduled);
    }

    /** The id of the deadline scheduled for the clock to fall due at {@code dueAt}. */
    String idOf(SlaClock clock, Instant dueAt) {
        return scheduled.stream()
                .filter(entry -> entry.due().equals(new SlaDeadlineDue(clock, dueAt)))
                .map(Scheduled::deadlineId)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(
                        "no " + clock + " deadline was scheduled for " + dueAt + "; scheduled: " + scheduled));
    }
}
