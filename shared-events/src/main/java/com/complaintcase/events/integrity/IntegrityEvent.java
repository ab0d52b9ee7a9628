package com.complaintcase.events.integrity;

/** Events of the integrity checkpoints, one small aggregate per day (docs/adr/0010). */
public sealed interface IntegrityEvent permits IntegrityCheckpointRecorded {

    /** The checkpoint's aggregate identifier for a day. */
    static String checkpointId(java.time.LocalDate day) {
        return "integrity-checkpoint-" + day;
    }
}
