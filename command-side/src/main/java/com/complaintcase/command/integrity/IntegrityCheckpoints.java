package com.complaintcase.command.integrity;

import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
import com.complaintcase.events.integrity.IntegrityEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the checkpoint of every past day with changed cases not checkpointed yet: normally only yesterday, after a
 * pause every day missed. A day already recorded (by another node, or before a crash) is not recorded again.
 */
@Component
public class DailyCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(DailyCheckpoints.class);

    @PersistenceContext
    private EntityManager entityManager;

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    DailyCheckpoints(CommandGateway commands, EventStore eventStore, PlatformTransactionManager transactionManager,
                     Clock clock, IntegrityProperties properties) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.zone = properties.getCheckpoint().getZone();
    }

    /** @return the days recorded now */
    public List<LocalDate> recordDueDays() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<LocalDate> due = transaction.execute(status -> entityManager.createQuery(
                        "select distinct h.day from CaseDayHead h where h.day < :today order by h.day", LocalDate.class)
                .setParameter("today", today)
                .getResultList());
        List<LocalDate> recorded = new ArrayList<>();
        for (LocalDate day : due) {
            if (record(day)) {
                recorded.add(day);
            }
            transaction.executeWithoutResult(status -> entityManager
                    .createQuery("delete from CaseDayHead h where h.day = :day")
                    .setParameter("day", day)
                    .executeUpdate());
        }
        return recorded;
    }

    private boolean record(LocalDate day) {
        String checkpointId = IntegrityEvent.checkpointId(day);
        if (alreadyRecorded(checkpointId)) {
            return false;
        }
        List<IntegrityCheckpointRecorded.CaseHead> heads = transaction.execute(status -> entityManager.createQuery(
                        "select h from CaseDayHead h where h.day = :day order by h.caseId", CaseDayHead.class)
                .setParameter("day", day)
                .getResultList().stream()
                .map(h -> new IntegrityCheckpointRecorded.CaseHead(h.caseId, h.headSequence, h.headHash))
                .toList());
        try {
            commands.sendAndWait(new RecordIntegrityCheckpoint(checkpointId, day, zone, heads, clock.instant()));
            log.info("integrity checkpoint of {} recorded: {} case(s)", day, heads.size());
            return true;
        } catch (RuntimeException e) {
            if (alreadyRecorded(checkpointId)) {
                return false;
            }
            throw e;
        }
    }

    private boolean alreadyRecorded(String checkpointId) {
        return transaction.execute(status -> eventStore.readEvents(checkpointId, 0).hasNext());
    }
}
