package org.cems.job.emission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cems.core.normalize.Pollutants;
import org.cems.job.quality.AccountingNote;

/**
 * One source's accounting state: where its data began (hours before it are not missing, they
 * were never expected) and a {@link PollutantAccount} per substituted pollutant it has reported.
 * In state with {@link EmissionAccountingSerializer}.
 */
public final class EmissionAccounting {
    /** Start of the first hour the source sent data for; {@link Long#MAX_VALUE} before any. */
    long firstHour = Long.MAX_VALUE;

    final Map<String, PollutantAccount> byPollutant = new HashMap<>();

    public EmissionAccounting() {}

    void sawDataAt(long hourStart) {
        firstHour = Math.min(firstHour, hourStart);
    }

    PollutantAccount account(String pollutant) {
        return byPollutant.computeIfAbsent(pollutant, k -> new PollutantAccount());
    }

    /**
     * The pollutant's account, to record into or only to read. One read only is never added: this
     * object is the state itself on the heap backend (on RocksDB a copy nobody writes back), and
     * an hour that was never closed must not make later hours carry the pollutant as missing.
     */
    private PollutantAccount account(String pollutant, boolean record) {
        if (record) {
            return account(pollutant);
        }
        PollutantAccount existing = byPollutant.get(pollutant);
        return existing != null ? existing : new PollutantAccount();
    }

    /**
     * Sets the accounted mass of every pollutant of an hour at its FIRST close, and records the
     * hour (α, the run, the maxima); returns the quality reasons to count. Valid hours count their
     * measured mass, hours stopped throughout 0, invalid or missing hours the substitute
     * ({@link Substitution}) for the substituted pollutants and 0 (eq. 34: invalid hours carry no
     * measured mass) for the others.
     */
    List<AccountingNote> close(PeriodSummary hour, long quarterStart, AccountingSettings settings) {
        return account(hour, quarterStart, settings, null, true);
    }

    /**
     * The same for an hour emitted before it closes (a quiet source's open hour) or corrected
     * after: nothing is recorded, and a corrected hour still invalid keeps the substitute it got
     * when it closed ({@code previous}).
     */
    void provisional(PeriodSummary hour, long quarterStart, AccountingSettings settings, PeriodSummary previous) {
        account(hour, quarterStart, settings, previous, false);
    }

    /** A pollutant the hour has no data of at all. */
    private static CodeSummary missing(int stoppedMinutes) {
        CodeSummary c = new CodeSummary();
        c.stoppedCount = stoppedMinutes;
        return c;
    }

    private List<AccountingNote> account(
            PeriodSummary hour,
            long quarterStart,
            AccountingSettings settings,
            PeriodSummary previous,
            boolean record) {
        List<AccountingNote> reasons = new ArrayList<>();
        for (String pollutant : byPollutant.keySet()) {
            hour.byCode.computeIfAbsent(pollutant, k -> missing(hour.stoppedMinutes));
        }
        boolean stopped = hour.stoppedMinutes >= Periods.MINUTES_PER_HOUR;
        double runningShare = (Periods.MINUTES_PER_HOUR - hour.stoppedMinutes) / (double) Periods.MINUTES_PER_HOUR;
        for (Map.Entry<String, CodeSummary> e : hour.byCode.entrySet()) {
            String code = e.getKey();
            CodeSummary c = e.getValue();
            if (!Pollutants.isPollutant(code)) {
                continue;
            }
            boolean substitutable = settings.substitutedPollutants().contains(code);
            PollutantAccount account = substitutable ? account(code, record) : null;
            c.substituted = false;
            if (c.valid) {
                c.accountedKg = c.massKg;
                if (record && account != null && c.massKg != null) {
                    account.recordValid(quarterStart, c.massKg);
                }
            } else if (stopped) {
                c.accountedKg = 0.0;
                if (record && account != null) {
                    account.recordStopped(quarterStart);
                }
            } else if (account == null) {
                c.accountedKg = 0.0;
            } else {
                CodeSummary before = previous == null ? null : previous.byCode.get(code);
                if (before != null && before.substituted) {
                    c.accountedKg = before.accountedKg;
                    c.substituted = true;
                } else {
                    Substitution.Substitute sub = account.substitute(quarterStart, settings.alphaBelow75());
                    c.substituted = sub.kg() != null;
                    c.accountedKg =
                            sub.kg() == null ? 0.0 : sub.kg() * (settings.scaleByRunningTime() ? runningShare : 1.0);
                    if (sub.qualityNote() != null) {
                        reasons.add(sub.qualityNote());
                    }
                }
                if (record) {
                    account.recordInvalid(quarterStart);
                }
            }
        }
        return reasons;
    }
}
