package com.complaintcase.query.returns;

import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.integrity.CanonicalJson;
import com.complaintcase.platform.returns.ReturnMappings;
import com.complaintcase.values.InvalidValueException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the regulatory returns (FCA DISP 1, CFPB, CN PBoC) for a period from the events up to an as-of position
 * ({@link ReturnSource}), with the case ids behind each figure, and their canonical JSON (the bytes a filing hashes).
 */
@Component
@EnableConfigurationProperties(ReturnSettings.class)
class RegulatoryReturns {

    static final List<String> REGIMES = List.of(FcaDisp1.REGIME, Cfpb.REGIME, CnPboc.REGIME);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final ReturnSource source;
    private final ReturnMappings mappings;
    private final ReturnSettings settings;
    private final FcaDisp1 fca;
    private final Cfpb cfpb;
    private final CnPboc pboc;

    RegulatoryReturns(ReturnSource source, ReturnMappings mappings, ReturnSettings settings) {
        this.source = source;
        this.mappings = mappings;
        this.settings = settings;
        this.fca = new FcaDisp1(mappings, settings.fca(), BusinessCalendars.loadShipped(settings.fca().calendar()));
        this.cfpb = new Cfpb(mappings, settings.cfpb());
        this.pboc = new CnPboc(mappings);
    }

    long head() {
        return source.head();
    }

    /** The position up to which the returns' facts table is complete (-1: not at all). */
    long factsCompleteTo() {
        return source.factsCompleteTo();
    }

    /** The period of the days {@code from} to {@code to} of the reporting zone, checked against the limits. */
    Period period(LocalDate from, LocalDate to) {
        within("from", from);
        within("to", to);
        if (from.isAfter(to)) {
            throw new InvalidValueException("to", "must not be before `from` (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > settings.maxDays()) {
            throw new InvalidValueException("to", "must be at most " + settings.maxDays() + " days from `from` (both included)");
        }
        return new Period(from, to, settings.zone());
    }

    /** The position to compute to: the store's newest event unless one is asked for (at most that). */
    long position(Long asked) {
        long head = source.head();
        if (asked == null) {
            return head;
        }
        if (asked < 0 || asked > head) {
            throw new InvalidValueException("asOfPosition", "must be from 0 to the store's newest position " + head);
        }
        return asked;
    }

    Computed compute(String regime, Period period, long position) {
        return compute(regime, period, source.read(position));
    }

    /** As {@link #compute(String, Period, long)}, with the returns' facts table read at most up to {@code factsUpTo}. */
    Computed compute(String regime, Period period, long position, long factsUpTo) {
        return compute(regime, period, source.read(position, factsUpTo));
    }

    private Computed compute(String regime, Period period, ReturnSource.Snapshot snapshot) {
        Map<String, String> versions = new TreeMap<>();
        versions.put("mappings", mappings.version());
        Object figures;
        Map<String, ? extends Collection<String>> drill;
        switch (regime) {
            case FcaDisp1.REGIME -> {
                FcaDisp1.Computed computed = fca.compute(snapshot.cases().values(), period);
                figures = computed.figures();
                drill = computed.drill();
                versions.put("computation", FcaDisp1.COMPUTATION);
                versions.put("policy", settings.fca().policy());
            }
            case Cfpb.REGIME -> {
                Cfpb.Figures rows = cfpb.compute(snapshot.cases().values(), period, snapshot.asOf());
                figures = rows;
                SortedSet<String> all = new TreeSet<>();
                rows.rows().forEach(row -> all.add(row.complaintId()));
                drill = Map.of("complaints", all);
                versions.put("computation", Cfpb.COMPUTATION);
                versions.put("policy", settings.cfpb().policy());
            }
            case CnPboc.REGIME -> {
                CnPboc.Computed computed = pboc.compute(snapshot.cases().values(), period);
                figures = computed.figures();
                drill = computed.drill();
                versions.put("computation", CnPboc.COMPUTATION);
                versions.put("policy", "duplicates=sameCustomerAndSubcategoryInPeriod");
            }
            default -> throw new InvalidValueException("regime", "must be one of " + REGIMES);
        }
        ReturnDocument document = new ReturnDocument(regime, period.from(), period.to(), period.zone().getId(),
                snapshot.position(), snapshot.asOf(), versions, figures);
        return new Computed(document, drill, snapshot);
    }

    /** The canonical JSON of a return (its filed bytes). */
    static byte[] canonical(ReturnDocument document) {
        return CanonicalJson.canonical(JSON.valueToTree(document));
    }

    private void within(String parameter, LocalDate date) {
        if (date.getYear() < settings.minYear() || date.getYear() > settings.maxYear()) {
            throw new InvalidValueException(parameter, "must be a day of the years " + settings.minYear() + " to "
                    + settings.maxYear());
        }
    }

    /** {@code drill}: the case ids behind each figure by its key, in no particular order. */
    record Computed(ReturnDocument document, Map<String, ? extends Collection<String>> drill, ReturnSource.Snapshot snapshot) {

        byte[] canonical() {
            return RegulatoryReturns.canonical(document);
        }
    }
}
