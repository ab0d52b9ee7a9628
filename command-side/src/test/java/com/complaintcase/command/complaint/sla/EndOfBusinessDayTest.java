package com.complaintcase.command.complaint.sla;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;

import static com.complaintcase.command.complaint.sla.Calendars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "By close of business on the third business day following the day on which it is received" (FCA DISP 1.5.1R,
 * summary resolution): the day of receipt is day 0 and is never counted.
 */
class EndOfBusinessDayTest {

    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    private static Instant thirdBusinessDay(Instant received) {
        return ENGLAND.endOfBusinessDay(received, 3, FIVE_PM);
    }

    @Test
    void received_on_monday_the_third_business_day_closes_on_thursday() {
        assertThat(thirdBusinessDay(at("2026-03-02T10:00", LONDON))).isEqualTo(at("2026-03-05T17:00", LONDON));
    }

    @Test
    void received_on_friday_the_weekend_does_not_count_and_it_closes_on_wednesday() {
        assertThat(thirdBusinessDay(at("2026-03-06T10:00", LONDON))).isEqualTo(at("2026-03-11T17:00", LONDON));
    }

    @Test
    void received_on_friday_after_close_of_business_friday_is_still_day_0() {
        assertThat(thirdBusinessDay(at("2026-03-06T18:30", LONDON))).isEqualTo(at("2026-03-11T17:00", LONDON));
    }

    @Test
    void received_on_saturday_the_counting_begins_with_monday_as_day_1() {
        assertThat(thirdBusinessDay(at("2026-03-07T10:00", LONDON))).isEqualTo(at("2026-03-11T17:00", LONDON));
    }

    @Test
    void received_on_the_friday_before_a_bank_holiday_monday_the_holiday_does_not_count() {
        Instant fridayBeforeSpringBankHoliday = at("2026-05-22T11:00", LONDON);

        assertThat(thirdBusinessDay(fridayBeforeSpringBankHoliday))
                .as("Tuesday 26, Wednesday 27, Thursday 28 May, 17:00 British Summer Time")
                .isEqualTo(Instant.parse("2026-05-28T16:00:00Z"));
    }

    @Test
    void received_on_the_thursday_before_easter_both_bank_holidays_are_skipped() {
        assertThat(thirdBusinessDay(at("2026-04-02T09:00", LONDON))).isEqualTo(at("2026-04-09T17:00", LONDON));
    }

    @Test
    void received_on_a_bank_holiday_the_next_working_day_is_day_1() {
        assertThat(thirdBusinessDay(at("2026-04-03T09:00", LONDON))).as("Good Friday")
                .isEqualTo(at("2026-04-09T17:00", LONDON));
    }

    @Test
    void close_of_business_today_is_today_before_close_and_the_next_working_day_after_it() {
        assertThat(ENGLAND.endOfBusinessDay(at("2026-03-06T10:00", LONDON), 0, FIVE_PM))
                .isEqualTo(at("2026-03-06T17:00", LONDON));
        assertThat(ENGLAND.endOfBusinessDay(at("2026-03-06T17:00", LONDON), 0, FIVE_PM))
                .as("received at close").isEqualTo(at("2026-03-06T17:00", LONDON));
        assertThat(ENGLAND.endOfBusinessDay(at("2026-03-06T18:30", LONDON), 0, FIVE_PM))
                .as("received after close").isEqualTo(at("2026-03-09T17:00", LONDON));
        assertThat(ENGLAND.endOfBusinessDay(at("2026-03-07T10:00", LONDON), 0, FIVE_PM))
                .as("received on Saturday").isEqualTo(at("2026-03-09T17:00", LONDON));
    }

    @Test
    void the_day_of_receipt_is_the_date_in_the_calendars_zone() {
        Instant fridayEveningUtc = Instant.parse("2026-02-13T17:00:00Z");

        assertThat(CHINA.endOfBusinessDay(fridayEveningUtc, 1, FIVE_PM))
                .as("already the make-up Saturday 14 February in Shanghai: the next working day follows the"
                        + " Spring Festival")
                .isEqualTo(at("2026-02-24T17:00", SHANGHAI));
    }

    @Test
    void a_negative_business_day_is_refused() {
        assertThatThrownBy(() -> ENGLAND.endOfBusinessDay(Instant.EPOCH, -1, FIVE_PM))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
