package com.complaintcase.command.integrity;

import com.complaintcase.command.complaint.RefusalCode;
import com.complaintcase.command.complaint.StateConflict;
import com.complaintcase.integrity.BreakKind;
import com.complaintcase.integrity.CaseHead;
import com.complaintcase.integrity.ChainLink;
import com.complaintcase.integrity.ChainVerdict;
import com.complaintcase.integrity.HashChain;
import com.complaintcase.platform.integrity.BrokenHistories;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Refuses to append to a case whose history does not verify (docs/adr/0010), checked as the case is loaded: a case
 * listed as broken is refused; otherwise the events read for the load (those after the latest snapshot) must each hash
 * to their recorded hash and follow the one before, and the store's newest event must be the head anchored on the
 * last append ({@link CaseHeadAnchor}). Events before the snapshot are not read here: the verification endpoint reads
 * them all and lists a case it finds broken.
 */
@Component
public class CaseHistoryGuard {

    static final String DETECTED_BY = "command";

    @PersistenceContext
    private EntityManager entityManager;

    private final EventStore eventStore;
    private final BrokenHistories brokenHistories;
    private final ChainHeads committedHeads;

    CaseHistoryGuard(EventStore eventStore, BrokenHistories brokenHistories, ChainHeads committedHeads) {
        this.eventStore = eventStore;
        this.brokenHistories = brokenHistories;
        this.committedHeads = committedHeads;
    }

    /**
     * @param storeHead the sequence number of the case's newest event (or snapshot) read for the load
     * @param tail      the chained events read for the load, oldest first
     */
    void requireIntact(String caseId, long storeHead, List<ChainLink> tail) {
        Optional<BrokenHistories.BrokenCase> listed = brokenHistories.find(caseId);
        if (listed.isPresent()) {
            throw refused(caseId, listed.get().sequence(), listed.get().kind());
        }
        ChainVerdict verdict = againstAnchor(caseId, storeHead, tail, HashChain.verifyTail(tail));
        if (!verdict.isValid()) {
            brokenHistories.detected(caseId, verdict.breakAt().sequence(), verdict.breakAt().kind().name(), DETECTED_BY);
            throw refused(caseId, verdict.breakAt().sequence(), verdict.breakAt().kind().name());
        }
        // the newest event read for the load, verified: the command's first event links to it without reading it again
        if (!tail.isEmpty() && tail.get(tail.size() - 1).event().sequence() == storeHead) {
            committedHeads.committed(caseId, new ChainHeads.Head(storeHead, tail.get(tail.size() - 1).eventHash()));
        }
    }

    private ChainVerdict againstAnchor(String caseId, long storeHead, List<ChainLink> tail, ChainVerdict verdict) {
        CaseHeadAnchor anchor = entityManager.find(CaseHeadAnchor.class, caseId);
        if (anchor == null || !verdict.isValid()) {
            return verdict;
        }
        if (anchor.headSequence() > storeHead && !appendedMeanwhile(caseId, anchor.headSequence())) {
            return verdict.brokenAt(storeHead + 1, BreakKind.TRUNCATED, "the case's head was anchored at sequence "
                    + anchor.headSequence() + ", the store ends at " + storeHead);
        }
        if (tail.isEmpty()) {
            return verdict;
        }
        return HashChain.againstAnchor(verdict, tail, new CaseHead(caseId, anchor.headSequence(), anchor.headHash()));
    }

    /** Whether another command appended up to the anchored head after this load read the events. */
    private boolean appendedMeanwhile(String caseId, long anchoredSequence) {
        return eventStore.lastSequenceNumberFor(caseId).filter(last -> last >= anchoredSequence).isPresent();
    }

    private StateConflict refused(String caseId, long sequence, String kind) {
        brokenHistories.refusedCommand();
        return new StateConflict(RefusalCode.HISTORY_BROKEN, "the history of case " + caseId
                + " does not verify (" + kind + " at sequence " + sequence + "): it accepts no command until compliance"
                + " has examined it");
    }
}
