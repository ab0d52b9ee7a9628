package com.complaintcase.command.complaint.sla;

import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.calendar.BusinessCalendar;

import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Channel;
import com.complaintcase.values.Subcategory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The policy packs a bank offers, and which one a case is registered under: the pack of its branch if one is set,
 * else that of its channel, else the default. Which subcategories count as payment services is configurable too.
 */
public record PolicyPacks(Map<String, PolicyPack> packs, String defaultPack, Map<Channel, String> byChannel,
                          Map<String, String> byBranch, Set<Subcategory> paymentServices, BusinessCalendars calendars) {

    public static final Set<Subcategory> DEFAULT_PAYMENT_SERVICES =
            Set.copyOf(EnumSet.of(Subcategory.OPERATION_ERROR, Subcategory.MOBILE_BANKING, Subcategory.ONLINE_BANKING));

    public PolicyPacks {
        packs = Map.copyOf(packs);
        byChannel = Map.copyOf(byChannel);
        byBranch = Map.copyOf(byBranch);
        paymentServices = Set.copyOf(paymentServices);
        Objects.requireNonNull(calendars, "calendars");
        requireKnown("default-pack", defaultPack, packs);
        for (Map.Entry<Channel, String> entry : byChannel.entrySet()) {
            requireKnown("pack-by-channel." + entry.getKey(), entry.getValue(), packs);
        }
        for (Map.Entry<String, String> entry : byBranch.entrySet()) {
            requireKnown("pack-by-branch." + entry.getKey(), entry.getValue(), packs);
        }
        for (PolicyPack pack : packs.values()) {
            calendars.calendar(pack.jurisdiction());
        }
    }

    private static void requireKnown(String setting, String pack, Map<String, PolicyPack> packs) {
        if (pack == null || !packs.containsKey(pack)) {
            throw new IllegalArgumentException(setting + " names no known policy pack: " + pack + "; known: "
                    + packs.keySet());
        }
    }

    /** The four shipped packs with the given numbers, BANK_INTERNAL's first contact, resolution and extension as given. */
    public static Map<String, PolicyPack> shippedPacks(int bankVersion, Duration firstContact, Duration resolution,
                                                        int maxExtensionDays, PackSettings settings) {
        Map<String, PolicyPack> packs = new LinkedHashMap<>();
        for (PolicyPack pack : List.of(
                PolicyPack.bankInternal(bankVersion, firstContact, resolution, maxExtensionDays, settings.bankInternal()),
                PolicyPack.cnNfra(settings.cnNfra()), PolicyPack.ukFca(settings.ukFca()),
                PolicyPack.usCfpb(settings.usCfpb()))) {
            packs.put(pack.name(), pack);
        }
        return packs;
    }

    /** The pack a case from {@code channel} at {@code branch} is registered under. */
    public PolicyPack packFor(Channel channel, BranchCode branch) {
        String name = branch == null ? null : byBranch.get(branch.value());
        if (name == null && channel != null) {
            name = byChannel.get(channel);
        }
        return packs.get(name == null ? defaultPack : name);
    }

    public boolean isPaymentServices(Subcategory subcategory) {
        return paymentServices.contains(subcategory);
    }

    public BusinessCalendar calendarOf(String jurisdiction) {
        return calendars.calendar(jurisdiction);
    }
}
