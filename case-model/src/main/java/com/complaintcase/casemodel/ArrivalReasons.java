package com.complaintcase.casemodel;

import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.EscalationReason;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The reasons a complaint weighs more as it arrives that its registration itself states (domain brief, sections 2
 * and 5): an outside channel, a skipped level (越级投诉), a threat to go to the media. The system escalates such a
 * case as it is registered.
 */
public final class ArrivalReasons {

    /** The reasons the registration itself states. */
    public static final Set<EscalationReason> STATED =
            EnumSet.of(EscalationReason.OUTSIDE_CHANNEL, EscalationReason.SKIPPED_LEVEL, EscalationReason.MEDIA_THREAT);
    /** The reasons other cases show (a repeat, a group), which the registered event does not carry. */
    public static final Set<EscalationReason> FOUND =
            EnumSet.of(EscalationReason.REPEAT_COMPLAINT, EscalationReason.GROUP_COMPLAINT);

    private ArrivalReasons() {
    }

    /** The reasons that apply, in order, each with the words an escalation's note uses for it. */
    public static Map<EscalationReason, String> of(Channel channel, ComplaintFlags flags) {
        Map<EscalationReason, String> reasons = new LinkedHashMap<>();
        if (channel.isOutside()) {
            reasons.put(EscalationReason.OUTSIDE_CHANNEL, EscalationReason.OUTSIDE_CHANNEL + " (through " + channel + ")");
        }
        if (flags != null && flags.skippedLevel()) {
            reasons.put(EscalationReason.SKIPPED_LEVEL, EscalationReason.SKIPPED_LEVEL.name());
        }
        if (flags != null && flags.mediaThreat()) {
            reasons.put(EscalationReason.MEDIA_THREAT, EscalationReason.MEDIA_THREAT.name());
        }
        return reasons;
    }
}
