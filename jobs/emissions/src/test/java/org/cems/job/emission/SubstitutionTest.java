package org.cems.job.emission;

import static org.assertj.core.api.Assertions.assertThat;

import org.cems.job.quality.AccountingNote;
import org.junit.jupiter.api.Test;

/** HJ 75-2017's substitution table, the capture rate α and the compact maxima, worked by hand. */
class SubstitutionTest {
    static final long Q1 = 0L;
    static final long Q2 = 1L;

    @Test
    void theTableByCaptureRateAndRunLength() {
        // α ≥ 90 %, N ≤ 24: the 180-hour maximum; N > 24: the 720-hour one
        assertThat(Substitution.of(0.95, 24, 10.0, 20.0, 30.0, Substitution.BELOW_75_MAX_2160)
                        .kg())
                .isEqualTo(10.0);
        assertThat(Substitution.of(0.95, 25, 10.0, 20.0, 30.0, Substitution.BELOW_75_MAX_2160)
                        .kg())
                .isEqualTo(20.0);
        assertThat(Substitution.of(0.90, 1, 10.0, 20.0, 30.0, Substitution.BELOW_75_MAX_2160)
                        .kg())
                .isEqualTo(10.0);
        // 75 % ≤ α < 90 %: the 2160-hour maximum, whatever N
        assertThat(Substitution.of(0.89, 1, 10.0, 20.0, 30.0, Substitution.BELOW_75_MAX_2160)
                        .kg())
                .isEqualTo(30.0);
        assertThat(Substitution.of(0.75, 100, 10.0, 20.0, 30.0, Substitution.BELOW_75_MAX_2160)
                        .qualityNote())
                .isNull();
        // α < 75 %: no rule in the standard; by default the 2160-hour maximum, counted
        Substitution.Substitute low = Substitution.of(0.74, 1, 10.0, 20.0, 30.0, Substitution.BELOW_75_MAX_2160);
        assertThat(low.kg()).isEqualTo(30.0);
        assertThat(low.qualityNote()).isEqualTo(AccountingNote.SUBSTITUTION_ALPHA_BELOW_75);
        assertThat(Substitution.of(0.74, 1, 10.0, 20.0, 30.0, Substitution.BELOW_75_NONE)
                        .kg())
                .isNull();
        // no valid hour yet: 0, counted
        Substitution.Substitute none = Substitution.of(1.0, 1, null, null, null, Substitution.BELOW_75_MAX_2160);
        assertThat(none.kg()).isEqualTo(0.0);
        assertThat(none.qualityNote()).isEqualTo(AccountingNote.SUBSTITUTION_NO_HISTORY);
    }

    @Test
    void captureRateLeavesStoppedHoursOutAndRestartsEachQuarter() {
        PollutantAccount a = new PollutantAccount();
        for (int h = 0; h < 16; h++) {
            a.recordValid(Q1, 1.0);
        }
        a.recordStopped(Q1);
        a.recordStopped(Q1);
        a.recordInvalid(Q1);
        a.recordInvalid(Q1);
        // H = 20, stopped 2, invalid 2: α = (20 − 2 − 2) / (20 − 2) = 16/18 = 0.888...
        assertThat(a.alpha(Q1)).isEqualTo(16.0 / 18.0);
        // the run is 2; the next invalid hour would be the 3rd, and 75 % ≤ α < 90 % takes the 2160-hour max
        assertThat(a.run).isEqualTo(2);
        assertThat(a.substitute(Q1, Substitution.BELOW_75_MAX_2160).kg()).isEqualTo(1.0);
        // a stopped hour neither extends nor ends the run; a valid hour ends it
        a.recordStopped(Q1);
        assertThat(a.run).isEqualTo(2);
        a.recordValid(Q1, 2.0);
        assertThat(a.run).isZero();
        // a new quarter starts its count afresh
        assertThat(a.alpha(Q2)).isEqualTo(1.0);
        a.recordInvalid(Q2);
        assertThat(a.hours).isEqualTo(1);
        assertThat(a.alpha(Q2)).isEqualTo(0.0);
    }

    @Test
    void maximaOverTheLastValidHours() {
        MaxWindow w = new MaxWindow(3);
        assertThat(w.max()).isNull();
        w.push(1, 5.0);
        w.push(2, 9.0);
        w.push(3, 4.0);
        assertThat(w.max()).isEqualTo(9.0);
        assertThat(w.size()).isEqualTo(2); // 5 can never be the maximum again
        w.push(4, 3.0);
        assertThat(w.max()).isEqualTo(9.0); // values 2..4: 9, 4, 3
        w.push(5, 1.0);
        assertThat(w.max()).isEqualTo(4.0); // values 3..5: 4, 3, 1
        // 180-hour window of a steadily falling source: 200 hours of 200, 199, ..., 1 kg
        PollutantAccount a = new PollutantAccount();
        for (int h = 200; h >= 1; h--) {
            a.recordValid(Q1, h);
        }
        // the previous 180 valid hours are 180 ... 1 kg: max 180; the 720 and 2160 windows hold all: 200
        assertThat(a.max180.max()).isEqualTo(180.0);
        assertThat(a.max720.max()).isEqualTo(200.0);
        assertThat(a.max180.size()).isEqualTo(180);
    }

    @Test
    void learnsTheMinuteIntervalFromTheSpacingOfDataTimes() {
        long min = WindowTimes.MINUTE_MS;
        MinuteInterval i = new MinuteInterval();
        assertThat(i.minutes(null)).isEqualTo(1);
        i.observe(0);
        i.observe(10 * min);
        assertThat(i.minutes(null)).isEqualTo(10);
        i.observe(30 * min); // one record lost: a single 20-minute step is not a new interval
        assertThat(i.minutes(null)).isEqualTo(10);
        i.observe(37 * min); // 7 minutes is no MinInterval
        assertThat(i.minutes(null)).isEqualTo(10);
        i.observe(42 * min);
        i.observe(47 * min); // reconfigured to 5 minutes: seen twice in a row
        assertThat(i.minutes(null)).isEqualTo(5);
        assertThat(i.minutes(15)).isEqualTo(15); // the registry's minute_interval overrides
    }

    @Test
    void aProvisionalHourRecordsNothing_notEvenAnAccountForAPollutantNotSeenBefore() {
        EmissionAccounting accounting = new EmissionAccounting();
        PeriodSummary hour = new PeriodSummary();
        CodeSummary so2 = new CodeSummary();
        so2.valid = false;
        hour.byCode.put("a21026", so2);

        accounting.provisional(hour, Q1, AccountingSettings.DEFAULTS, null);

        // with no history the substitute is 0 (counted when the hour closes), and the accounting,
        // which on the heap backend is the state itself, is as it was: later hours must not
        // carry SO2 as missing because of an hour that was never closed
        assertThat(so2.substituted).isTrue();
        assertThat(so2.accountedKg).isEqualTo(0.0);
        assertThat(accounting.byPollutant).isEmpty();

        accounting.close(hour, Q1, AccountingSettings.DEFAULTS);
        assertThat(accounting.byPollutant).containsKey("a21026");
    }
}
