package com.complaintcase.query.returns;

import com.complaintcase.platform.returns.ReturnMappings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The complaint statistics of the NFRA rules coded by the PBoC classification (JR/T 0169-2018; domain/reporting.md
 * section 5): the cases received in the period (reviewed as not a complaint: left out), duplicates merged (the same
 * customer about the same subcategory in the period counts once, under its first case), counted by region x A
 * (channel of the matter) x B (business) x C (cause), with the totals per region.
 */
final class CnPboc {

    static final String REGIME = "cn-pboc";
    static final String COMPUTATION = "cn-pboc/1";

    private final ReturnMappings mappings;

    CnPboc(ReturnMappings mappings) {
        this.mappings = mappings;
    }

    Computed compute(Collection<CaseFacts> cases, Period period) {
        List<CaseFacts> received = new ArrayList<>();
        for (CaseFacts facts : cases) {
            if (facts.registered() && !facts.notAComplaint && period.contains(facts.receivedAt)) {
                received.add(facts);
            }
        }
        received.sort(Comparator.comparing((CaseFacts facts) -> facts.receivedAt).thenComparing(facts -> facts.caseId));
        Set<String> seen = new HashSet<>();
        Map<String, SortedSet<String>> counted = new TreeMap<>();
        Map<String, SortedSet<String>> merged = new TreeMap<>();
        for (CaseFacts facts : received) {
            ReturnMappings.CauseRule cause = mappings.cause(facts.category, facts.subcategory, facts.rootIssue);
            String cell = mappings.region(facts.branchCode) + "." + cause.pbocChannel() + "."
                    + mappings.product(facts.product).pbocBusiness() + "." + cause.pbocCause();
            boolean duplicate = facts.customerId != null && !seen.add(facts.customerId + "\u001f" + facts.subcategory);
            (duplicate ? merged : counted).computeIfAbsent(cell, key -> new TreeSet<>()).add(facts.caseId);
        }
        Set<String> cells = new TreeSet<>(counted.keySet());
        cells.addAll(merged.keySet());
        List<Row> rows = new ArrayList<>();
        Map<String, long[]> regions = new TreeMap<>();
        for (String cell : cells) {
            String[] parts = cell.split("\\.", 4);
            long complaints = counted.getOrDefault(cell, new TreeSet<>()).size();
            long duplicates = merged.getOrDefault(cell, new TreeSet<>()).size();
            rows.add(new Row(parts[0], parts[1], parts[2], parts[3], complaints, duplicates));
            long[] total = regions.computeIfAbsent(parts[0], key -> new long[2]);
            total[0] += complaints;
            total[1] += duplicates;
        }
        List<RegionTotal> totals = new ArrayList<>();
        regions.forEach((region, total) -> totals.add(new RegionTotal(region, total[0], total[1])));
        long all = totals.stream().mapToLong(RegionTotal::complaints).sum();
        Map<String, SortedSet<String>> drill = new TreeMap<>();
        counted.forEach((cell, ids) -> drill.put(cell + ".complaints", ids));
        merged.forEach((cell, ids) -> drill.put(cell + ".mergedDuplicates", ids));
        return new Computed(new Figures(all, totals, rows), drill);
    }

    record Computed(Figures figures, Map<String, SortedSet<String>> drill) {
    }

    record Figures(long complaints, List<RegionTotal> regions, List<Row> rows) {
    }

    record RegionTotal(String region, long complaints, long mergedDuplicates) {
    }

    /** {@code complaints}: after merging; {@code mergedDuplicates}: the cases merged into an earlier one. */
    record Row(String region, String channelCode, String businessCode, String causeCode, long complaints,
               long mergedDuplicates) {
    }
}
