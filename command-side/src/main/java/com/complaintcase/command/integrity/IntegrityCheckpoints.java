package com.complaintcase.command.integrity;

import com.complaintcase.events.integrity.IntegrityCheckpointRecorded;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Records the checkpoint of every ended period with changed cases not checkpointed yet: normally only the period just
 * ended, after a pause every period missed. A period already recorded (by another node, or before a crash) is not
 * recorded again.
 */
@Component
public class IntegrityCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheckpoints.class);
    private static final int DELETE_CHUNK = 1000;

    @PersistenceContext
    private EntityManager entityManager;

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CheckpointPeriods periods;

    IntegrityCheckpoints(CommandGateway commands, EventStore eventStore, PlatformTransactionManager transactionManager,
                         Clock clock, CheckpointPeriods periods) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.periods = periods;
    }

    /** @return the periods recorded now, oldest first */
    public List<CheckpointPeriod> recordDuePeriods() {
        Instant now = clock.instant();
        Map<CheckpointPeriod, List<CaseDayHead>> due = transaction.execute(status -> entityManager.createQuery(
                        "select h from CaseDayHead h where h.periodStart is null or h.periodEnd <= :now", CaseDayHead.class)
                .setParameter("now", now)
                .getResultList().stream()
                .collect(Collectors.groupingBy(head -> head.period(periods), TreeMap::new, Collectors.toList())));
        List<CheckpointPeriod> recorded = new ArrayList<>();
        for (Map.Entry<CheckpointPeriod, List<CaseDayHead>> period : due.entrySet()) {
            if (!period.getKey().endedBy(now)) {
                continue;
            }
            if (record(period.getKey(), period.getValue())) {
                recorded.add(period.getKey());
            }
            forget(period.getValue());
        }
        return recorded;
    }

    private boolean record(CheckpointPeriod period, List<CaseDayHead> rows) {
        String checkpointId = period.checkpointId();
        if (alreadyRecorded(checkpointId)) {
            return false;
        }
        List<IntegrityCheckpointRecorded.CaseHead> heads = rows.stream()
                .sorted(Comparator.comparing((CaseDayHead h) -> h.caseId))
                .map(h -> new IntegrityCheckpointRecorded.CaseHead(h.caseId, h.headSequence, h.headHash))
                .toList();
        try {
            commands.sendAndWait(new RecordIntegrityCheckpoint(checkpointId, period, periods.zone(), heads, clock.instant()));
            log.info("integrity checkpoint of {} recorded: {} case(s)", period, heads.size());
            return true;
        } catch (RuntimeException e) {
            if (alreadyRecorded(checkpointId)) {
                return false;
            }
            throw e;
        }
    }

    private void forget(List<CaseDayHead> rows) {
        List<String> ids = rows.stream().map(h -> h.id).toList();
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
            transaction.executeWithoutResult(status -> entityManager
                    .createQuery("delete from CaseDayHead h where h.id in :ids")
                    .setParameter("ids", chunk)
                    .executeUpdate());
        }
    }

    private boolean alreadyRecorded(String checkpointId) {
        return transaction.execute(status -> eventStore.readEvents(checkpointId, 0).hasNext());
    }
}
