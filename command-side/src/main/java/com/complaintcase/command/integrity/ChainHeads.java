package com.complaintcase.command.integrity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last committed event's hash of recently changed aggregates, so that a command's first event finds its
 * predecessor's hash without reading the event store. Bounded: the least recently used aggregates fall out and are
 * read from the store again. Filled only after commit, so a rolled-back command leaves nothing behind; an entry is
 * used only for the exact sequence number it holds, so one left stale by another node is never trusted.
 */
final class ChainHeads {

    record Head(long sequence, String hash) {
    }

    private final Map<String, Head> heads;

    ChainHeads(int capacity) {
        this.heads = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<String> hashAt(String aggregateId, long sequence) {
        Head head = heads.get(aggregateId);
        return head != null && head.sequence() == sequence ? Optional.of(head.hash()) : Optional.empty();
    }

    synchronized void committed(String aggregateId, Head head) {
        Head known = heads.get(aggregateId);
        if (known == null || known.sequence() < head.sequence()) {
            heads.put(aggregateId, head);
        }
    }
}
