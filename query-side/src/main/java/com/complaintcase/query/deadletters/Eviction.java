package com.complaintcase.query.deadletters;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** That a person evicted a parked sequence: who, in which role, when, why, and the events never applied. */
@Entity
@Table(name = "dead_letter_eviction",
        indexes = @Index(name = "ix_dead_letter_eviction_processor", columnList = "processor, evicted_at"))
public class Eviction {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "processor", nullable = false)
    String processor;

    @Column(name = "sequence_identifier", nullable = false)
    String sequenceId;

    @Column(name = "evicted_by", nullable = false)
    String evictedBy;

    @Column(name = "evicted_by_role", length = 40, nullable = false)
    String role;

    @Column(name = "evicted_at", nullable = false)
    Instant evictedAt;

    @Column(name = "reason", length = 500, nullable = false)
    String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dead_letter_evicted_event", joinColumns = @JoinColumn(name = "eviction_id"))
    @OrderColumn(name = "event_order")
    List<Event> events = new ArrayList<>();

    protected Eviction() {
    }

    Eviction(String id, String processor, String sequenceId, String evictedBy, String role, Instant evictedAt,
             String reason, List<Event> events) {
        this.id = id;
        this.processor = processor;
        this.sequenceId = sequenceId;
        this.evictedBy = evictedBy;
        this.role = role;
        this.evictedAt = evictedAt;
        this.reason = reason;
        this.events = new ArrayList<>(events);
    }

    EvictionView view() {
        return new EvictionView(id, processor, sequenceId, evictedBy, role, evictedAt, reason,
                events.stream().map(event -> new EvictionView.EvictedEvent(event.eventIdentifier, event.eventType,
                        event.eventSequence, event.globalPosition, event.causeType)).toList());
    }

    @Embeddable
    public static class Event {

        @Column(name = "event_identifier", nullable = false)
        String eventIdentifier;

        @Column(name = "event_type", nullable = false)
        String eventType;

        @Column(name = "event_sequence")
        Long eventSequence;

        @Column(name = "global_position")
        Long globalPosition;

        @Column(name = "cause_type")
        String causeType;

        protected Event() {
        }

        Event(DeadLetterView letter) {
            this.eventIdentifier = letter.eventIdentifier();
            this.eventType = letter.eventType();
            this.eventSequence = letter.eventSequence();
            this.globalPosition = letter.globalPosition();
            this.causeType = letter.errorClass();
        }
    }
}
