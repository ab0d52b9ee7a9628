package com.complaintcase.command;

import com.complaintcase.command.complaint.ComplaintPolicy;
import com.complaintcase.calendar.BusinessCalendars;
import com.complaintcase.command.complaint.sla.PackSettings;
import com.complaintcase.command.complaint.sla.PolicyPack;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.values.Channel;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Subcategory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;

/**
 * The policy limits, configurable; the defaults are the domain brief's numbers. Each case records the
 * values it was registered under, so changing them never rewrites what applied to an existing case.
 */
@ConfigurationProperties("complaints.policy")
public class PolicyProperties {

    private String name = ComplaintPolicy.DEFAULT.name();
    private int version = ComplaintPolicy.DEFAULT.version();
    /** A complaint must be entered within this time of receipt, or a late-entry reason is required. */
    private Duration entryLimit = ComplaintPolicy.DEFAULT.entryLimit();
    /** First contact with the customer is due this long after registration. */
    private Duration firstContactLimit = ComplaintPolicy.DEFAULT.firstContactLimit();
    /** The decision is due this long after receipt. */
    private Duration resolutionLimit = ComplaintPolicy.DEFAULT.resolutionLimit();
    /** The most a supervisor may extend the resolution deadline by, in all. */
    private Duration maxExtension = ComplaintPolicy.DEFAULT.maxExtension();
    /** How far in the future a reported time may lie, for clocks that are slightly ahead. */
    private Duration clockSkew = ComplaintPolicy.DEFAULT.receiptClockSkew();
    /** The currency the authority limits are in; compensation in any other currency is never compared with them. */
    private String currency = ComplaintPolicy.DEFAULT.currency();
    /**
     * The most compensation a unit at each handling level may grant (e.g. {@code authority-limits.BRANCH=1000.00});
     * a proposal above it has the system escalate the case one level. Configured levels replace the defaults one
     * by one; a level with no amount (by default REGULATOR_REPORTED) has no limit. A default cannot be removed here,
     * only raised: an amount of 1000000000000 or more is beyond any compensation the system accepts.
     */
    private Map<HandlingLevel, BigDecimal> authorityLimits = new EnumMap<>(ComplaintPolicy.DEFAULT.authorityLimits());

    /**
     * A complaint is a repeat complaint when the same customer's case about the same subcategory was closed within
     * this time before it is registered (default 90 days, about a quarter: see {@link ComplaintPolicy}).
     */
    private Duration repeatWindow = ComplaintPolicy.DEFAULT.repeatWindow();
    /** Complaints registered within this time of each other can form a group complaint (default 7 days). */
    private Duration groupWindow = ComplaintPolicy.DEFAULT.groupWindow();
    /** So many different customers (the new one included) make a group complaint (default 3). */
    private int groupThreshold = ComplaintPolicy.DEFAULT.groupThreshold();

    /** The policy pack a case is registered under when neither its branch nor its channel names one. */
    private String defaultPack = PolicyPack.BANK_INTERNAL;
    /** The pack for cases from a channel (complaints.policy.pack-by-channel.REGULATOR=CN_NFRA). */
    private Map<Channel, String> packByChannel = new EnumMap<>(Channel.class);
    /** The pack for cases at a branch (complaints.policy.pack-by-branch.BR-0101=UK_FCA); before the channel's. */
    private Map<String, String> packByBranch = new LinkedHashMap<>();
    /** The subcategories that are payment services (FCA: 15 business days, 35 with a holding reply). */
    private Set<Subcategory> paymentServices = EnumSet.copyOf(PolicyPacks.DEFAULT_PAYMENT_SERVICES);

    /**
     * The numbers of each shipped pack, under {@code complaints.policy.<pack>} (bank-internal, cn-nfra, uk-fca,
     * us-cfpb), defaults the values the packs have always had. Raise {@code <pack>.version} whenever a pack's numbers
     * change: a case records the name, version and clocks of its pack, and a name and version must always stand for
     * the same numbers. BANK_INTERNAL's version defaults to {@code complaints.policy.version}.
     */
    private final BankInternalPack bankInternal = new BankInternalPack();
    private final CnNfraPack cnNfra = new CnNfraPack();
    private final UkFcaPack ukFca = new UkFcaPack();
    private final UsCfpbPack usCfpb = new UsCfpbPack();

    PolicyPacks toPacks() {
        return new PolicyPacks(PolicyPacks.shippedPacks(version, firstContactLimit, resolutionLimit,
                (int) maxExtension.toDays(), toPackSettings()), defaultPack, packByChannel, packByBranch,
                paymentServices, BusinessCalendars.shipped());
    }

    /** The packs' numbers as the domain takes them; an invalid one is refused naming its setting. */
    PackSettings toPackSettings() {
        try {
            return new PackSettings(bankInternal.toSettings(), cnNfra.toSettings(), ukFca.toSettings(),
                    usCfpb.toSettings());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid policy pack setting complaints.policy." + e.getMessage(), e);
        }
    }

    public BankInternalPack getBankInternal() {
        return bankInternal;
    }

    public CnNfraPack getCnNfra() {
        return cnNfra;
    }

    public UkFcaPack getUkFca() {
        return ukFca;
    }

    public UsCfpbPack getUsCfpb() {
        return usCfpb;
    }

    /** {@code complaints.policy.bank-internal.*}. */
    public static class BankInternalPack {
        private static final PackSettings.BankInternal D = PackSettings.BankInternal.DEFAULTS;
        /** Null: {@code complaints.policy.version}. */
        private Integer version = D.version();
        private Duration forwardLimit = D.forwardLimit();
        private Duration startWorkLimit = D.startWorkLimit();
        private int branchReplyWorkingDays = D.branchReplyWorkingDays();
        private Duration incidentOnSite = D.incidentOnSite();
        private Duration incidentCustomerAnswered = D.incidentCustomerAnswered();
        private Duration incidentResultReported = D.incidentResultReported();

        PackSettings.BankInternal toSettings() {
            return new PackSettings.BankInternal(version, forwardLimit, startWorkLimit, branchReplyWorkingDays,
                    incidentOnSite, incidentCustomerAnswered, incidentResultReported);
        }

        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
        public Duration getForwardLimit() { return forwardLimit; }
        public void setForwardLimit(Duration forwardLimit) { this.forwardLimit = forwardLimit; }
        public Duration getStartWorkLimit() { return startWorkLimit; }
        public void setStartWorkLimit(Duration startWorkLimit) { this.startWorkLimit = startWorkLimit; }
        public int getBranchReplyWorkingDays() { return branchReplyWorkingDays; }
        public void setBranchReplyWorkingDays(int days) { this.branchReplyWorkingDays = days; }
        public Duration getIncidentOnSite() { return incidentOnSite; }
        public void setIncidentOnSite(Duration incidentOnSite) { this.incidentOnSite = incidentOnSite; }
        public Duration getIncidentCustomerAnswered() { return incidentCustomerAnswered; }
        public void setIncidentCustomerAnswered(Duration value) { this.incidentCustomerAnswered = value; }
        public Duration getIncidentResultReported() { return incidentResultReported; }
        public void setIncidentResultReported(Duration value) { this.incidentResultReported = value; }
    }

    /** {@code complaints.policy.cn-nfra.*}. */
    public static class CnNfraPack {
        private static final PackSettings.CnNfra D = PackSettings.CnNfra.DEFAULTS;
        private int version = D.version();
        private Duration decisionLimit = D.decisionLimit();
        private Duration supervisorExtension = D.supervisorExtension();
        private Duration headOfficeExtension = D.headOfficeExtension();
        private Duration absoluteLimit = D.absoluteLimit();

        PackSettings.CnNfra toSettings() {
            return new PackSettings.CnNfra(version, decisionLimit, supervisorExtension, headOfficeExtension,
                    absoluteLimit);
        }

        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
        public Duration getDecisionLimit() { return decisionLimit; }
        public void setDecisionLimit(Duration decisionLimit) { this.decisionLimit = decisionLimit; }
        public Duration getSupervisorExtension() { return supervisorExtension; }
        public void setSupervisorExtension(Duration value) { this.supervisorExtension = value; }
        public Duration getHeadOfficeExtension() { return headOfficeExtension; }
        public void setHeadOfficeExtension(Duration value) { this.headOfficeExtension = value; }
        public Duration getAbsoluteLimit() { return absoluteLimit; }
        public void setAbsoluteLimit(Duration absoluteLimit) { this.absoluteLimit = absoluteLimit; }
    }

    /** {@code complaints.policy.uk-fca.*}. */
    public static class UkFcaPack {
        private static final PackSettings.UkFca D = PackSettings.UkFca.DEFAULTS;
        private int version = D.version();
        private int summaryBusinessDays = D.summaryBusinessDays();
        private LocalTime closeOfBusiness = D.closeOfBusiness();
        private Duration finalResponseLimit = D.finalResponseLimit();
        private int paymentServicesBusinessDays = D.paymentServicesBusinessDays();
        private int paymentServicesExtensionBusinessDays = D.paymentServicesExtensionBusinessDays();

        PackSettings.UkFca toSettings() {
            return new PackSettings.UkFca(version, summaryBusinessDays, closeOfBusiness, finalResponseLimit,
                    paymentServicesBusinessDays, paymentServicesExtensionBusinessDays);
        }

        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
        public int getSummaryBusinessDays() { return summaryBusinessDays; }
        public void setSummaryBusinessDays(int days) { this.summaryBusinessDays = days; }
        public LocalTime getCloseOfBusiness() { return closeOfBusiness; }
        public void setCloseOfBusiness(LocalTime closeOfBusiness) { this.closeOfBusiness = closeOfBusiness; }
        public Duration getFinalResponseLimit() { return finalResponseLimit; }
        public void setFinalResponseLimit(Duration value) { this.finalResponseLimit = value; }
        public int getPaymentServicesBusinessDays() { return paymentServicesBusinessDays; }
        public void setPaymentServicesBusinessDays(int days) { this.paymentServicesBusinessDays = days; }
        public int getPaymentServicesExtensionBusinessDays() { return paymentServicesExtensionBusinessDays; }
        public void setPaymentServicesExtensionBusinessDays(int days) { this.paymentServicesExtensionBusinessDays = days; }
    }

    /** {@code complaints.policy.us-cfpb.*}. */
    public static class UsCfpbPack {
        private static final PackSettings.UsCfpb D = PackSettings.UsCfpb.DEFAULTS;
        private int version = D.version();
        private Duration responseLimit = D.responseLimit();
        private Duration finalLimit = D.finalLimit();

        PackSettings.UsCfpb toSettings() {
            return new PackSettings.UsCfpb(version, responseLimit, finalLimit);
        }

        public int getVersion() { return version; }
        public void setVersion(int version) { this.version = version; }
        public Duration getResponseLimit() { return responseLimit; }
        public void setResponseLimit(Duration responseLimit) { this.responseLimit = responseLimit; }
        public Duration getFinalLimit() { return finalLimit; }
        public void setFinalLimit(Duration finalLimit) { this.finalLimit = finalLimit; }
    }

    public String getDefaultPack() {
        return defaultPack;
    }

    public void setDefaultPack(String defaultPack) {
        this.defaultPack = defaultPack;
    }

    public Map<Channel, String> getPackByChannel() {
        return packByChannel;
    }

    public void setPackByChannel(Map<Channel, String> packByChannel) {
        this.packByChannel = packByChannel;
    }

    public Map<String, String> getPackByBranch() {
        return packByBranch;
    }

    public void setPackByBranch(Map<String, String> packByBranch) {
        this.packByBranch = packByBranch;
    }

    public Set<Subcategory> getPaymentServices() {
        return paymentServices;
    }

    public void setPaymentServices(Set<Subcategory> paymentServices) {
        this.paymentServices = paymentServices;
    }

    ComplaintPolicy toPolicy() {
        return new ComplaintPolicy(name, version, entryLimit, firstContactLimit, resolutionLimit, maxExtension, clockSkew,
                currency, authorityLimits, repeatWindow, groupWindow, groupThreshold);
    }

    public Duration getRepeatWindow() {
        return repeatWindow;
    }

    public void setRepeatWindow(Duration repeatWindow) {
        this.repeatWindow = repeatWindow;
    }

    public Duration getGroupWindow() {
        return groupWindow;
    }

    public void setGroupWindow(Duration groupWindow) {
        this.groupWindow = groupWindow;
    }

    public int getGroupThreshold() {
        return groupThreshold;
    }

    public void setGroupThreshold(int groupThreshold) {
        this.groupThreshold = groupThreshold;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public Duration getEntryLimit() {
        return entryLimit;
    }

    public void setEntryLimit(Duration entryLimit) {
        this.entryLimit = entryLimit;
    }

    public Duration getFirstContactLimit() {
        return firstContactLimit;
    }

    public void setFirstContactLimit(Duration firstContactLimit) {
        this.firstContactLimit = firstContactLimit;
    }

    public Duration getResolutionLimit() {
        return resolutionLimit;
    }

    public void setResolutionLimit(Duration resolutionLimit) {
        this.resolutionLimit = resolutionLimit;
    }

    public Duration getMaxExtension() {
        return maxExtension;
    }

    public void setMaxExtension(Duration maxExtension) {
        this.maxExtension = maxExtension;
    }

    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Map<HandlingLevel, BigDecimal> getAuthorityLimits() {
        return authorityLimits;
    }

    public void setAuthorityLimits(Map<HandlingLevel, BigDecimal> authorityLimits) {
        this.authorityLimits = authorityLimits;
    }
}
