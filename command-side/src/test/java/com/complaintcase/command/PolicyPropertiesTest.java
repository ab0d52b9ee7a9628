package com.complaintcase.command;

import com.complaintcase.command.complaint.ComplaintPolicy;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy as configured under {@code complaints.policy}, and its compensation authority per handling level. */
class PolicyPropertiesTest {

    private static ComplaintPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("complaints.policy", Bindable.of(PolicyProperties.class))
                .toPolicy();
    }

    @Test
    void without_configuration_the_policy_is_the_default_one() {
        assertThat(bind(Map.of())).isEqualTo(ComplaintPolicy.DEFAULT);
    }

    @Test
    void the_default_authority_limits_are_the_procedures_numbers_in_cny_with_no_limit_for_a_report_to_the_regulator() {
        ComplaintPolicy policy = ComplaintPolicy.DEFAULT;

        assertThat(policy.currency()).isEqualTo("CNY");
        assertThat(policy.authorityLimit(HandlingLevel.BRANCH)).contains(new BigDecimal("1000.00"));
        assertThat(policy.authorityLimit(HandlingLevel.FIRST_LEVEL_BRANCH)).contains(new BigDecimal("10000.00"));
        assertThat(policy.authorityLimit(HandlingLevel.HEAD_OFFICE)).contains(new BigDecimal("100000.00"));
        assertThat(policy.authorityLimit(HandlingLevel.REGULATOR_REPORTED)).isEqualTo(Optional.empty());
    }

    @Test
    void a_configured_authority_limit_replaces_the_default_of_its_level_only() {
        ComplaintPolicy policy = bind(Map.of(
                "complaints.policy.authority-limits.BRANCH", "2000.00",
                "complaints.policy.authority-limits.REGULATOR_REPORTED", "5000000"));

        assertThat(policy.authorityLimit(HandlingLevel.BRANCH)).contains(new BigDecimal("2000.00"));
        assertThat(policy.authorityLimit(HandlingLevel.FIRST_LEVEL_BRANCH)).contains(new BigDecimal("10000.00"));
        assertThat(policy.authorityLimit(HandlingLevel.HEAD_OFFICE)).contains(new BigDecimal("100000.00"));
        assertThat(policy.authorityLimit(HandlingLevel.REGULATOR_REPORTED)).contains(new BigDecimal("5000000"));
    }

    @Test
    void the_currency_of_the_limits_is_configurable_and_compensation_in_another_currency_is_never_compared() {
        ComplaintPolicy policy = bind(Map.of("complaints.policy.currency", "HKD"));

        assertThat(policy.exceedsAuthority(Money.of("1000.01", "HKD"), HandlingLevel.BRANCH)).isTrue();
        assertThat(policy.exceedsAuthority(Money.of("1000000.00", "CNY"), HandlingLevel.BRANCH)).isFalse();
    }

    @Test
    void only_an_amount_above_the_limit_exceeds_the_authority() {
        ComplaintPolicy policy = ComplaintPolicy.DEFAULT;

        assertThat(policy.exceedsAuthority(Money.of("1000.00", "CNY"), HandlingLevel.BRANCH)).isFalse();
        assertThat(policy.exceedsAuthority(Money.of("1000.01", "CNY"), HandlingLevel.BRANCH)).isTrue();
        assertThat(policy.exceedsAuthority(null, HandlingLevel.BRANCH)).isFalse();
    }

    @Test
    void a_negative_authority_limit_or_an_unknown_currency_is_refused_at_startup() {
        assertThatThrownBy(() -> bind(Map.of("complaints.policy.authority-limits.BRANCH", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BRANCH");
        assertThatThrownBy(() -> bind(Map.of("complaints.policy.currency", "XYZ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_windows_and_threshold_of_repeat_and_group_detection_default_to_90_days_7_days_and_3_customers_and_are_configurable() {
        assertThat(ComplaintPolicy.DEFAULT.repeatWindow()).isEqualTo(java.time.Duration.ofDays(90));
        assertThat(ComplaintPolicy.DEFAULT.groupWindow()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(ComplaintPolicy.DEFAULT.groupThreshold()).isEqualTo(3);

        ComplaintPolicy policy = bind(Map.of(
                "complaints.policy.repeat-window", "P30D",
                "complaints.policy.group-window", "48h",
                "complaints.policy.group-threshold", "5"));

        assertThat(policy.repeatWindow()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(policy.groupWindow()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(policy.groupThreshold()).isEqualTo(5);
        assertThatThrownBy(() -> bind(Map.of("complaints.policy.group-threshold", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static com.complaintcase.command.complaint.sla.PolicyPacks bindPacks(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("complaints.policy", Bindable.of(PolicyProperties.class))
                .toPacks();
    }

    @Test
    void without_configuration_every_case_is_registered_under_bank_internal() {
        var packs = bindPacks(Map.of());
        assertThat(packs.packFor(com.complaintcase.values.Channel.REGULATOR,
                com.complaintcase.values.BranchCode.of("BR-0101")).name()).isEqualTo("BANK_INTERNAL");
        assertThat(packs.packs()).containsOnlyKeys("BANK_INTERNAL", "CN_NFRA", "UK_FCA", "US_CFPB");
        assertThat(packs.isPaymentServices(com.complaintcase.values.Subcategory.ONLINE_BANKING)).isTrue();
    }

    @Test
    void the_default_pack_and_the_packs_by_channel_and_branch_are_configurable() {
        var packs = bindPacks(Map.of(
                "complaints.policy.default-pack", "CN_NFRA",
                "complaints.policy.pack-by-channel.EMAIL", "US_CFPB",
                "complaints.policy.pack-by-branch.BR-0303", "UK_FCA",
                "complaints.policy.payment-services", "WRONG_FEE"));
        assertThat(packs.packFor(com.complaintcase.values.Channel.PHONE,
                com.complaintcase.values.BranchCode.of("BR-0101")).name()).isEqualTo("CN_NFRA");
        assertThat(packs.packFor(com.complaintcase.values.Channel.EMAIL,
                com.complaintcase.values.BranchCode.of("BR-0101")).name()).isEqualTo("US_CFPB");
        assertThat(packs.packFor(com.complaintcase.values.Channel.EMAIL,
                com.complaintcase.values.BranchCode.of("BR-0303")).name()).isEqualTo("UK_FCA");
        assertThat(packs.isPaymentServices(com.complaintcase.values.Subcategory.WRONG_FEE)).isTrue();
        assertThat(packs.isPaymentServices(com.complaintcase.values.Subcategory.ONLINE_BANKING)).isFalse();
    }

    @Test
    void an_unknown_pack_is_refused() {
        assertThatThrownBy(() -> bindPacks(Map.of("complaints.policy.default-pack", "NOPE")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_numbers_of_the_packs_and_their_versions_are_configurable_with_today_s_values_as_defaults() {
        var defaults = bindPacks(Map.of());
        assertThat(defaults.packs().get("CN_NFRA")).isEqualTo(com.complaintcase.command.complaint.sla.PolicyPack.cnNfra());
        assertThat(defaults.packs().get("UK_FCA")).isEqualTo(com.complaintcase.command.complaint.sla.PolicyPack.ukFca());
        assertThat(defaults.packs().get("US_CFPB")).isEqualTo(com.complaintcase.command.complaint.sla.PolicyPack.usCfpb());

        var packs = bindPacks(Map.of(
                "complaints.policy.cn-nfra.decision-limit", "P10D",
                "complaints.policy.cn-nfra.version", "2",
                "complaints.policy.uk-fca.close-of-business", "16:30",
                "complaints.policy.uk-fca.final-response-limit", "P42D",
                "complaints.policy.us-cfpb.final-limit", "P45D",
                "complaints.policy.bank-internal.incident-on-site", "30m",
                "complaints.policy.bank-internal.version", "3"));

        var cn = packs.packs().get("CN_NFRA");
        assertThat(cn.version()).isEqualTo(2);
        assertThat(cn.clocks().get(0).limit()).isEqualTo(java.time.Duration.ofDays(10));
        var uk = packs.packs().get("UK_FCA");
        assertThat(uk.version()).isEqualTo(1);
        assertThat(uk.clocks().get(0).closeOfBusiness()).isEqualTo(java.time.LocalTime.of(16, 30));
        assertThat(uk.clocks().get(1).limit()).isEqualTo(java.time.Duration.ofDays(42));
        assertThat(packs.packs().get("US_CFPB").clocks().get(1).limit()).isEqualTo(java.time.Duration.ofDays(45));
        var bank = packs.packs().get("BANK_INTERNAL");
        assertThat(bank.version()).isEqualTo(3);
        assertThat(bank.clocks().stream().filter(c -> c.clock() == com.complaintcase.values.SlaClock.INCIDENT_ON_SITE)
                .findFirst().orElseThrow().limit()).isEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void pack_numbers_that_do_not_fit_together_are_refused_at_startup_naming_the_setting() {
        assertThatThrownBy(() -> bindPacks(Map.of("complaints.policy.cn-nfra.absolute-limit", "P45D")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("complaints.policy.cn-nfra.absolute-limit");
        assertThatThrownBy(() -> bindPacks(Map.of("complaints.policy.us-cfpb.response-limit", "-P1D")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-cfpb.response-limit");
        assertThatThrownBy(() -> bindPacks(Map.of("complaints.policy.uk-fca.version", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uk-fca.version");
    }

    @Test
    void every_number_of_bank_internal_is_in_its_group_with_its_version_the_policy_s_version() {
        ComplaintPolicy policy = bind(Map.of(
                "complaints.policy.bank-internal.version", "2",
                "complaints.policy.bank-internal.first-contact-limit", "PT24H",
                "complaints.policy.bank-internal.resolution-limit", "P10D",
                "complaints.policy.bank-internal.max-extension", "P5D"));
        var bank = bindPacks(Map.of("complaints.policy.bank-internal.first-contact-limit", "PT24H"))
                .packs().get("BANK_INTERNAL");

        assertThat(policy.version()).isEqualTo(2);
        assertThat(policy.firstContactLimit()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(policy.resolutionLimit()).isEqualTo(java.time.Duration.ofDays(10));
        assertThat(policy.maxExtension()).isEqualTo(java.time.Duration.ofDays(5));
        assertThat(bank.clocks().stream().filter(c -> c.clock() == com.complaintcase.values.SlaClock.FIRST_CONTACT)
                .findFirst().orElseThrow().limit()).isEqualTo(java.time.Duration.ofHours(24));
    }

    @Test
    void a_setting_the_policy_does_not_know_refuses_the_start_rather_than_being_ignored() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("complaints.policy.first-contact-limit", "PT24H")));

        assertThatThrownBy(() -> binder.bind("complaints.policy", Bindable.of(PolicyProperties.class),
                new org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler(
                        org.springframework.boot.context.properties.bind.BindHandler.DEFAULT)))
                .isInstanceOf(org.springframework.boot.context.properties.bind.BindException.class)
                .hasStackTraceContaining("complaints.policy.first-contact-limit");
    }
}
