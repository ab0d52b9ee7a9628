package com.complaintcase.platform.returns;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The product catalogue and the taxonomy mappings of the regulatory returns (domain/reporting.md sections 3-5), one
 * versioned document: product to FCA grouping, CFPB product and PBoC business code (B); (category, subcategory, root
 * issue) to FCA cause, CFPB issue, PBoC channel (A) and cause (C) codes, first matching rule winning; branch to region
 * by code prefix; the units that are other firms (a case transferred to one was forwarded in full and is left out of
 * the FCA return). Every return records {@link #version()}.
 */
public record ReturnMappings(String version, String note, List<String> fcaGroupings, List<String> fcaCauses,
                             Map<String, Product> products, List<CauseRule> causes,
                             List<RegionRule> regions, String unknownRegion, List<String> externalFirmUnits) {

    public static final String WILDCARD = "*";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ReturnMappings {
        requireText(version, "version");
        products = Map.copyOf(new TreeMap<>(Objects.requireNonNull(products, "products")));
        causes = List.copyOf(Objects.requireNonNull(causes, "causes"));
        regions = regions == null ? List.of() : List.copyOf(regions);
        unknownRegion = unknownRegion == null ? "UNKNOWN_REGION" : unknownRegion;
        externalFirmUnits = externalFirmUnits == null ? List.of() : List.copyOf(externalFirmUnits);
        if (!products.containsKey(ComplaintRegistered.UNKNOWN_PRODUCT)) {
            throw new IllegalArgumentException("the product catalogue must have the row '"
                    + ComplaintRegistered.UNKNOWN_PRODUCT + "' (cases registered without a product)");
        }
        fcaGroupings = List.copyOf(Objects.requireNonNull(fcaGroupings, "fcaGroupings"));
        fcaCauses = List.copyOf(Objects.requireNonNull(fcaCauses, "fcaCauses"));
        for (Product product : products.values()) {
            if (!fcaGroupings.contains(product.fcaGrouping())) {
                throw new IllegalArgumentException("FCA grouping " + product.fcaGrouping() + " is not in fcaGroupings");
            }
        }
        for (CauseRule rule : causes) {
            if (!fcaCauses.contains(rule.fcaCause())) {
                throw new IllegalArgumentException("FCA cause " + rule.fcaCause() + " is not in fcaCauses");
            }
        }
        if (causes.isEmpty() || !causes.get(causes.size() - 1).catchesAll()) {
            throw new IllegalArgumentException("the last cause rule must match everything (\"*\", \"*\", \"*\")");
        }
    }

    /** Reads a mappings document (JSON); unknown fields and missing parts are refused. */
    public static ReturnMappings read(InputStream in, String source) {
        try {
            return JSON.readValue(in, ReturnMappings.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("invalid regulatory-return mappings " + source + ": " + e.getMessage(), e);
        }
    }

    /** The shipped defaults ({@code returns/mappings.json} on the classpath). */
    public static ReturnMappings defaults() {
        try (InputStream in = ReturnMappings.class.getResourceAsStream("/returns/mappings.json")) {
            return read(Objects.requireNonNull(in, "returns/mappings.json is missing"), "returns/mappings.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean knowsProduct(String code) {
        return products.containsKey(code);
    }

    /** The product row of a case's product: the unknown-product row for a product the catalogue does not have. */
    public Product product(String code) {
        Product product = products.get(code == null ? ComplaintRegistered.UNKNOWN_PRODUCT : code);
        return product != null ? product : products.get(ComplaintRegistered.UNKNOWN_PRODUCT);
    }

    public CauseRule cause(Category category, Subcategory subcategory, RootIssue rootIssue) {
        return cause(name(category), name(subcategory), name(rootIssue));
    }

    public CauseRule cause(String category, String subcategory, String rootIssue) {
        for (CauseRule rule : causes) {
            if (rule.matches(category, subcategory, rootIssue)) {
                return rule;
            }
        }
        throw new IllegalStateException("unreachable: the last rule matches everything");
    }

    public String region(BranchCode branch) {
        return region(branch == null ? null : branch.value());
    }

    public String region(String branch) {
        if (branch != null) {
            for (RegionRule rule : regions) {
                if (branch.startsWith(rule.branchPrefix())) {
                    return rule.region();
                }
            }
        }
        return unknownRegion;
    }

    /** A unit of another firm: a transfer there forwards the complaint in full. */
    public boolean isExternalFirm(String unit) {
        return unit != null && externalFirmUnits.stream().anyMatch(unit::startsWith);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** A product of the catalogue and its groupings in each regime. */
    public record Product(String fcaGrouping, String cfpbProduct, String cfpbSubProduct, String pbocBusiness) {
        public Product {
            requireText(fcaGrouping, "fcaGrouping");
            requireText(pbocBusiness, "pbocBusiness");
        }
    }

    /** (category, subcategory, root issue), each a value or {@code *}, to the codes of each regime. */
    public record CauseRule(String category, String subcategory, String rootIssue, String fcaCause, String cfpbIssue,
                            String pbocChannel, String pbocCause) {
        public CauseRule {
            requireText(category, "category");
            requireText(subcategory, "subcategory");
            requireText(rootIssue, "rootIssue");
            requireText(fcaCause, "fcaCause");
            requireText(pbocChannel, "pbocChannel");
            requireText(pbocCause, "pbocCause");
        }

        boolean matches(String category, String subcategory, String rootIssue) {
            return part(this.category, category) && part(this.subcategory, subcategory) && part(this.rootIssue, rootIssue);
        }

        boolean catchesAll() {
            return WILDCARD.equals(category) && WILDCARD.equals(subcategory) && WILDCARD.equals(rootIssue);
        }

        private static boolean part(String rule, String value) {
            return WILDCARD.equals(rule) || rule.equals(value);
        }
    }

    /** Branches whose code starts with {@code branchPrefix} are in {@code region}. */
    public record RegionRule(String branchPrefix, String region) {
        public RegionRule {
            requireText(branchPrefix, "branchPrefix");
            requireText(region, "region");
        }
    }
}
