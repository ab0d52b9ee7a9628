package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.values.Channel;

import java.time.Duration;
import java.util.Map;

/** Policy packs as the tests need them: the shipped ones, every case under BANK_INTERNAL unless chosen otherwise. */
public final class TestPacks {

    private TestPacks() {
    }

    /** The shipped packs, every case under BANK_INTERNAL. */
    public static PolicyPacks standard(int bankVersion, Duration firstContact, Duration resolution, int maxExtensionDays) {
        return standard(bankVersion, firstContact, resolution, maxExtensionDays, PackSettings.DEFAULTS);
    }

    /** The shipped packs with the given numbers, every case under BANK_INTERNAL. */
    public static PolicyPacks standard(int bankVersion, Duration firstContact, Duration resolution, int maxExtensionDays,
                                       PackSettings settings) {
        return new PolicyPacks(PolicyPacks.shippedPacks(bankVersion, firstContact, resolution, maxExtensionDays, settings),
                PolicyPack.BANK_INTERNAL, Map.of(), Map.of(), PolicyPacks.DEFAULT_PAYMENT_SERVICES,
                BusinessCalendars.shipped());
    }

    /** {@code packs} with another default and other choices by channel and branch. */
    public static PolicyPacks choosing(PolicyPacks packs, String defaultPack, Map<Channel, String> byChannel,
                                       Map<String, String> byBranch) {
        return new PolicyPacks(packs.packs(), defaultPack, byChannel, byBranch, packs.paymentServices(), packs.calendars());
    }
}
