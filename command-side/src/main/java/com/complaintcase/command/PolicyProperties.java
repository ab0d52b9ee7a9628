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
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code complaints.policy}: the policy limits, each bound once, grouped as the domain takes them: the bank's rules for
 * every case, which pack a case is registered under, and the numbers of each policy pack. A setting left out takes its
 * default, written once in the domain ({@link ComplaintPolicy#DEFAULT}, {@link PackSettings}): the domain brief's
 * numbers. Each case records the pack (name, version, clocks) it was registered under, so changing a number never
 * rewrites what applied to an existing case; raise the pack's {@code version} whenever its numbers change. A setting
 * of another name under {@code complaints.policy} (such as {@code first-contact-limit}, now under
 * {@code bank-internal}) refuses the start rather than being ignored.
 *
 * @param entryLimit        a complaint must be entered within this time of receipt, or a late-entry reason is required
 * @param clockSkew         how far in the future a reported time may lie, for clocks that are slightly ahead
 * @param currency          the currency of the authority limits; compensation in another is never compared with them
 * @param authorityLimits   the most compensation a unit at each handling level may grant
 *                          ({@code authority-limits.BRANCH=1000.00}); a proposal above it has the system escalate the
 *                          case one level. Configured levels replace the defaults one by one; a level with no amount
 *                          (by default REGULATOR_REPORTED) has no limit. A default cannot be removed, only raised: an
 *                          amount of 1000000000000 or more is beyond any compensation the system accepts
 * @param repeatWindow      a repeat complaint: the same customer's case about the same subcategory closed within this
 *                          time before the registration (about a quarter: see {@link ComplaintPolicy})
 * @param groupWindow       complaints registered within this time of each other can form a group complaint
 * @param groupThreshold    so many different customers (the new one included) make a group complaint
 * @param defaultPack       the pack of a case whose branch and channel name none
 * @param packByChannel     the pack of a channel's cases ({@code pack-by-channel.REGULATOR=CN_NFRA})
 * @param packByBranch      the pack of a branch's cases ({@code pack-by-branch.BR-0101=UK_FCA}), before the channel's
 * @param paymentServices   the subcategories that are payment services (FCA: 15 business days)
 */
@ConfigurationProperties(prefix = "complaints.policy", ignoreUnknownFields = false)
public record PolicyProperties(
        Duration entryLimit,
        Duration clockSkew,
        String currency,
        Map<HandlingLevel, BigDecimal> authorityLimits,
        Duration repeatWindow,
        Duration groupWindow,
        Integer groupThreshold,
        String defaultPack,
        Map<Channel, String> packByChannel,
        Map<String, String> packByBranch,
        Set<Subcategory> paymentServices,
        BankInternal bankInternal,
        CnNfra cnNfra,
        UkFca ukFca,
        UsCfpb usCfpb) {

    public PolicyProperties {
        ComplaintPolicy d = ComplaintPolicy.DEFAULT;
        entryLimit = or(entryLimit, d::entryLimit);
        clockSkew = or(clockSkew, d::receiptClockSkew);
        currency = or(currency, d::currency);
        Map<HandlingLevel, BigDecimal> limits = new EnumMap<>(d.authorityLimits());
        if (authorityLimits != null) {
            limits.putAll(authorityLimits);
        }
        authorityLimits = limits;
        repeatWindow = or(repeatWindow, d::repeatWindow);
        groupWindow = or(groupWindow, d::groupWindow);
        groupThreshold = or(groupThreshold, d::groupThreshold);
        defaultPack = or(defaultPack, () -> PolicyPack.BANK_INTERNAL);
        packByChannel = or(packByChannel, Map::of);
        packByBranch = or(packByBranch, Map::of);
        paymentServices = or(paymentServices, () -> PolicyPacks.DEFAULT_PAYMENT_SERVICES);
        bankInternal = or(bankInternal, () -> new BankInternal(null, null, null, null, null, null, null, null, null, null));
        cnNfra = or(cnNfra, () -> new CnNfra(null, null, null, null, null));
        ukFca = or(ukFca, () -> new UkFca(null, null, null, null, null, null));
        usCfpb = or(usCfpb, () -> new UsCfpb(null, null, null));
    }

    /**
     * {@code complaints.policy.bank-internal.*}: every number of the bank's own pack, BANK_INTERNAL, and its version
     * (also the version of the policy recorded with each case).
     */
    public record BankInternal(Integer version, Duration firstContactLimit, Duration resolutionLimit,
                               Duration maxExtension, Duration forwardLimit, Duration startWorkLimit,
                               Integer branchReplyWorkingDays, Duration incidentOnSite,
                               Duration incidentCustomerAnswered, Duration incidentResultReported) {

        public BankInternal {
            ComplaintPolicy policy = ComplaintPolicy.DEFAULT;
            PackSettings.BankInternal d = PackSettings.BankInternal.DEFAULTS;
            version = or(version, policy::version);
            firstContactLimit = or(firstContactLimit, policy::firstContactLimit);
            resolutionLimit = or(resolutionLimit, policy::resolutionLimit);
            maxExtension = or(maxExtension, policy::maxExtension);
            forwardLimit = or(forwardLimit, d::forwardLimit);
            startWorkLimit = or(startWorkLimit, d::startWorkLimit);
            branchReplyWorkingDays = or(branchReplyWorkingDays, d::branchReplyWorkingDays);
            incidentOnSite = or(incidentOnSite, d::incidentOnSite);
            incidentCustomerAnswered = or(incidentCustomerAnswered, d::incidentCustomerAnswered);
            incidentResultReported = or(incidentResultReported, d::incidentResultReported);
        }

        PackSettings.BankInternal toSettings() {
            return new PackSettings.BankInternal(version, forwardLimit, startWorkLimit, branchReplyWorkingDays,
                    incidentOnSite, incidentCustomerAnswered, incidentResultReported);
        }
    }

    /** {@code complaints.policy.cn-nfra.*}. */
    public record CnNfra(Integer version, Duration decisionLimit, Duration supervisorExtension,
                         Duration headOfficeExtension, Duration absoluteLimit) {

        public CnNfra {
            PackSettings.CnNfra d = PackSettings.CnNfra.DEFAULTS;
            version = or(version, d::version);
            decisionLimit = or(decisionLimit, d::decisionLimit);
            supervisorExtension = or(supervisorExtension, d::supervisorExtension);
            headOfficeExtension = or(headOfficeExtension, d::headOfficeExtension);
            absoluteLimit = or(absoluteLimit, d::absoluteLimit);
        }

        PackSettings.CnNfra toSettings() {
            return new PackSettings.CnNfra(version, decisionLimit, supervisorExtension, headOfficeExtension, absoluteLimit);
        }
    }

    /** {@code complaints.policy.uk-fca.*}. */
    public record UkFca(Integer version, Integer summaryBusinessDays, LocalTime closeOfBusiness,
                        Duration finalResponseLimit, Integer paymentServicesBusinessDays,
                        Integer paymentServicesExtensionBusinessDays) {

        public UkFca {
            PackSettings.UkFca d = PackSettings.UkFca.DEFAULTS;
            version = or(version, d::version);
            summaryBusinessDays = or(summaryBusinessDays, d::summaryBusinessDays);
            closeOfBusiness = or(closeOfBusiness, d::closeOfBusiness);
            finalResponseLimit = or(finalResponseLimit, d::finalResponseLimit);
            paymentServicesBusinessDays = or(paymentServicesBusinessDays, d::paymentServicesBusinessDays);
            paymentServicesExtensionBusinessDays = or(paymentServicesExtensionBusinessDays,
                    d::paymentServicesExtensionBusinessDays);
        }

        PackSettings.UkFca toSettings() {
            return new PackSettings.UkFca(version, summaryBusinessDays, closeOfBusiness, finalResponseLimit,
                    paymentServicesBusinessDays, paymentServicesExtensionBusinessDays);
        }
    }

    /** {@code complaints.policy.us-cfpb.*}. */
    public record UsCfpb(Integer version, Duration responseLimit, Duration finalLimit) {

        public UsCfpb {
            PackSettings.UsCfpb d = PackSettings.UsCfpb.DEFAULTS;
            version = or(version, d::version);
            responseLimit = or(responseLimit, d::responseLimit);
            finalLimit = or(finalLimit, d::finalLimit);
        }

        PackSettings.UsCfpb toSettings() {
            return new PackSettings.UsCfpb(version, responseLimit, finalLimit);
        }
    }

    ComplaintPolicy toPolicy() {
        return new ComplaintPolicy(PolicyPack.BANK_INTERNAL, bankInternal.version(), entryLimit,
                bankInternal.firstContactLimit(), bankInternal.resolutionLimit(), bankInternal.maxExtension(), clockSkew,
                currency, authorityLimits, repeatWindow, groupWindow, groupThreshold);
    }

    PolicyPacks toPacks() {
        return new PolicyPacks(PolicyPacks.shippedPacks(bankInternal.version(), bankInternal.firstContactLimit(),
                bankInternal.resolutionLimit(), (int) bankInternal.maxExtension().toDays(), toPackSettings()),
                defaultPack, packByChannel, packByBranch, paymentServices, BusinessCalendars.shipped());
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

    private static <T> T or(T configured, Supplier<T> byDefault) {
        return configured != null ? configured : byDefault.get();
    }
}
