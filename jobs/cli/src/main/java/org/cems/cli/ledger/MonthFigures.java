package org.cems.cli.ledger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What InfluxDB holds for one month, per stack pollutant, stack and device; filled by {@link MonthQuery}. */
final class MonthFigures {
    /** Sums of the {@code emission} 1d {@code mass_kg} and {@code mass_accounted_kg}. */
    final Map<PollutantKey, Double> measuredKg = new HashMap<>();
    final Map<PollutantKey, Double> accountedKg = new HashMap<>();
    /** Counts of {@code emission} 1h points: all, valid, exceeded, substituted. */
    final Map<PollutantKey, Long> hourPoints = new HashMap<>();
    final Map<PollutantKey, Long> validHours = new HashMap<>();
    final Map<PollutantKey, Long> exceededHours = new HashMap<>();
    final Map<PollutantKey, Long> substitutedHours = new HashMap<>();
    /** Start (epoch ms) of the hours the source was stopped throughout ({@code stopped_count} = 60 minutes). */
    final Map<PollutantKey, Set<Long>> stoppedHours = new HashMap<>();
    /** Start (epoch ms) of the hours in which at least one {@code reading} of the pollutant arrived. */
    final Map<PollutantKey, Set<Long>> hoursWithData = new HashMap<>();
    final Map<StackKey, CarbonSums> carbon = new HashMap<>();
    final Map<DeviceKey, DeviceDays> devices = new HashMap<>();

    /** Sums of the {@code carbon} 1d points of one stack. */
    static final class CarbonSums {
        double co2T;
        boolean hasCo2;
        double energyMwh;
        boolean hasEnergy;
        /** Σ coal rate × energy and Σ energy over the days with both: the energy-weighted coal rate's terms. */
        double coalTimesEnergy;
        double coalEnergyMwh;
    }

    /** Means and day counts of one device's {@code efficiency} 1d points. */
    static final class DeviceDays {
        Double efficiencyPctMean;
        long validDays;
        Double operatingRatePctMean;
        long operatingDays;
    }

    boolean isEmpty() {
        return hourPoints.isEmpty() && measuredKg.isEmpty() && accountedKg.isEmpty() && carbon.isEmpty() && devices.isEmpty()
                && hoursWithData.isEmpty();
    }

    static Set<Long> newHourSet() {
        return new HashSet<>();
    }
}
