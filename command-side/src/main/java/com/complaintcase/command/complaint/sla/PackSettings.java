package com.complaintcase.command.complaint.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The numbers of the shipped policy packs, with their versions. A pack's version must be raised whenever one of its
 * numbers changes: a case records the name, version and clocks of the pack it was registered under, so two cases
 * under the same name and version must always have had the same numbers. Every record checks its numbers; the
 * messages name the setting ({@code cn-nfra.absolute-limit}) as configured under {@code complaints.policy}.
 */
public record PackSettings(BankInternal bankInternal, CnNfra cnNfra, UkFca ukFca, UsCfpb usCfpb) {

    public static final PackSettings DEFAULTS =
            new PackSettings(BankInternal.DEFAULTS, CnNfra.DEFAULTS, UkFca.DEFAULTS, UsCfpb.DEFAULTS);

    public PackSettings {
        Objects.requireNonNull(bankInternal, "bankInternal");
        Objects.requireNonNull(cnNfra, "cnNfra");
        Objects.requireNonNull(ukFca, "ukFca");
        Objects.requireNonNull(usCfpb, "usCfpb");
    }

    /**
     * BANK_INTERNAL's fixed clocks (first contact, resolution and extension come from the policy): forward within
     * {@code forwardLimit} of arrival, start work within {@code startWorkLimit} of a transfer, the branch's reply
     * within {@code branchReplyWorkingDays}, and the three incident clocks from registration.
     */
    public record BankInternal(Integer version, Duration forwardLimit, Duration startWorkLimit,
                               int branchReplyWorkingDays, Duration incidentOnSite, Duration incidentCustomerAnswered,
                               Duration incidentResultReported) {

        /** Version null: the policy's version ({@code complaints.policy.version}), as before packs had their own. */
        public static final BankInternal DEFAULTS = new BankInternal(null, Duration.ofHours(1), Duration.ofHours(2), 1,
                Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8));

        public BankInternal {
            if (version != null) {
                Checks.requireVersion("bank-internal", version);
            }
            Checks.requirePositive("bank-internal.forward-limit", forwardLimit);
            Checks.requirePositive("bank-internal.start-work-limit", startWorkLimit);
            Checks.requirePositive("bank-internal.branch-reply-working-days", branchReplyWorkingDays);
            Checks.requirePositive("bank-internal.incident-on-site", incidentOnSite);
            Checks.requirePositive("bank-internal.incident-customer-answered", incidentCustomerAnswered);
            Checks.requirePositive("bank-internal.incident-result-reported", incidentResultReported);
            Checks.requireNotAfter("bank-internal.incident-on-site", incidentOnSite,
                    "bank-internal.incident-customer-answered", incidentCustomerAnswered);
            Checks.requireNotAfter("bank-internal.incident-customer-answered", incidentCustomerAnswered,
                    "bank-internal.incident-result-reported", incidentResultReported);
        }
    }

    /**
     * CN_NFRA: a decision within {@code decisionLimit} of receipt; a supervisor may extend by up to
     * {@code supervisorExtension} in all, the head office by {@code headOfficeExtension} more (whole days), never
     * beyond {@code absoluteLimit} from receipt, which must leave room for both.
     */
    public record CnNfra(int version, Duration decisionLimit, Duration supervisorExtension,
                         Duration headOfficeExtension, Duration absoluteLimit) {

        public static final CnNfra DEFAULTS = new CnNfra(1, Duration.ofDays(15), Duration.ofDays(15),
                Duration.ofDays(30), Duration.ofDays(60));

        public CnNfra {
            Checks.requireVersion("cn-nfra", version);
            Checks.requirePositive("cn-nfra.decision-limit", decisionLimit);
            Checks.requireWholeDays("cn-nfra.supervisor-extension", supervisorExtension, false);
            Checks.requireWholeDays("cn-nfra.head-office-extension", headOfficeExtension, true);
            Checks.requirePositive("cn-nfra.absolute-limit", absoluteLimit);
            Duration reachable = decisionLimit.plus(supervisorExtension).plus(headOfficeExtension);
            if (absoluteLimit.compareTo(reachable) < 0) {
                throw new IllegalArgumentException("cn-nfra.absolute-limit (" + absoluteLimit
                        + ") must be at least cn-nfra.decision-limit + supervisor-extension + head-office-extension ("
                        + reachable + ")");
            }
        }
    }

    /**
     * UK_FCA: the summary resolution by {@code closeOfBusiness} on the {@code summaryBusinessDays}th business day;
     * the final response within {@code finalResponseLimit}, for payment services within
     * {@code paymentServicesBusinessDays} business days, extendable once by {@code paymentServicesExtensionBusinessDays}.
     */
    public record UkFca(int version, int summaryBusinessDays, LocalTime closeOfBusiness, Duration finalResponseLimit,
                        int paymentServicesBusinessDays, int paymentServicesExtensionBusinessDays) {

        public static final UkFca DEFAULTS = new UkFca(1, 3, LocalTime.of(17, 0), Duration.ofDays(56), 15, 20);

        public UkFca {
            Checks.requireVersion("uk-fca", version);
            Checks.requirePositive("uk-fca.summary-business-days", summaryBusinessDays);
            if (closeOfBusiness == null) {
                throw new IllegalArgumentException("uk-fca.close-of-business must be set");
            }
            Checks.requirePositive("uk-fca.final-response-limit", finalResponseLimit);
            Checks.requirePositive("uk-fca.payment-services-business-days", paymentServicesBusinessDays);
            if (paymentServicesExtensionBusinessDays < 0) {
                throw new IllegalArgumentException("uk-fca.payment-services-extension-business-days must not be "
                        + "negative: " + paymentServicesExtensionBusinessDays);
            }
        }
    }

    /** US_CFPB: the company's response within {@code responseLimit} of receipt, the final one within {@code finalLimit}. */
    public record UsCfpb(int version, Duration responseLimit, Duration finalLimit) {

        public static final UsCfpb DEFAULTS = new UsCfpb(1, Duration.ofDays(15), Duration.ofDays(60));

        public UsCfpb {
            Checks.requireVersion("us-cfpb", version);
            Checks.requirePositive("us-cfpb.response-limit", responseLimit);
            Checks.requirePositive("us-cfpb.final-limit", finalLimit);
            Checks.requireNotAfter("us-cfpb.response-limit", responseLimit, "us-cfpb.final-limit", finalLimit);
        }
    }

    /** The checks, apart so that a pack's settings initialise without the whole (and its DEFAULTS). */
    private static final class Checks {
    static void requireVersion(String pack, int version) {
        if (version < 1) {
            throw new IllegalArgumentException(pack + ".version must be 1 or more: " + version);
        }
    }

    static void requirePositive(String setting, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be a positive duration: " + value);
        }
    }

    static void requirePositive(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be 1 or more: " + value);
        }
    }

    static void requireWholeDays(String setting, Duration value, boolean zeroAllowed) {
        if (value == null || value.isNegative() || (value.isZero() && !zeroAllowed)
                || !value.equals(Duration.ofDays(value.toDays()))) {
            throw new IllegalArgumentException(setting + " must be " + (zeroAllowed ? "zero or " : "")
                    + "a positive number of whole days: " + value);
        }
    }

    static void requireNotAfter(String earlier, Duration first, String later, Duration second) {
        if (first.compareTo(second) > 0) {
            throw new IllegalArgumentException(earlier + " (" + first + ") must not be longer than " + later + " ("
                    + second + ")");
        }
    }
    }
}
