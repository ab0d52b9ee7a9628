package com.complaintcase.query.returns;

import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The end-to-end tests' view of the returns' computation (package-private in the query side). */
public final class ReturnFactsProbe {

    private final RegulatoryReturns returns;

    public ReturnFactsProbe(ApplicationContext application) {
        this.returns = application.getBean(RegulatoryReturns.class);
    }

    public long head() {
        return returns.head();
    }

    public long factsCompleteTo() {
        return returns.factsCompleteTo();
    }

    /**
     * Every regime's return for the period as of {@code position} (canonical JSON, and the case ids behind each
     * figure), with the facts' table read at most up to {@code factsUpTo} and the events after it from the store.
     */
    public Map<String, String> returns(LocalDate from, LocalDate to, long position, long factsUpTo) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String regime : RegulatoryReturns.REGIMES) {
            RegulatoryReturns.Computed computed = returns.compute(regime, new Period(from, to, ZoneId.of("UTC")), position,
                    factsUpTo);
            answers.put(regime, new String(computed.canonical(), StandardCharsets.UTF_8));
            Map<String, java.util.SortedSet<String>> drill = new java.util.TreeMap<>();
            computed.drill().forEach((key, ids) -> drill.put(key, new java.util.TreeSet<>(ids)));
            answers.put(regime + " drill", drill.toString());
        }
        return answers;
    }
}
