package org.cems.cli.ledger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What InfluxDB holds for one month, per stack pollutant, stack and device; filled by {@link MonthQuery}. */
final class MonthFigures {
    /** Sums of the {@code emission} 1d {@code <pollutant>_mass_kg} and {@code <pollutant>_mass_accounted_kg}. */
    final Map<PollutantKey, Double> measuredKg = new HashMap<>();

    final Map<PollutantKey, Double> accountedKg = new HashMap<>();
    /** Counts of {@code emission} 1h points of a pollutant: all, valid, substituted. */
    final Map<PollutantKey, Long> hourPoints = new HashMap<>();

    final Map<PollutantKey, Long> validHours = new HashMap<>();
    final Map<PollutantKey, Long> substitutedHours = new HashMap<>();
    /** Pollutant-hours over the limit per stack: the sum of its 1h {@code exceeded_count}. */
    final Map<StackKey, Long> exceededHours = new HashMap<>();
    /** Start (epoch ms) of the hours the source was stopped throughout ({@code stopped_count} = 60 minutes). */
    final Map<PollutantKey, Set<Long>> stoppedHours = new HashMap<>();
    /** Start (epoch ms) of the hours in which at least one {@code reading} of the pollutant arrived. */
    final Map<PollutantKey, Set<Long>> hoursWithData = new HashMap<>();

    final Map<StackKey, CarbonSums> carbon = new HashMap<>();
    final Map<DeviceKey, DeviceDays> devices = new HashMap<>();

    /**
     * Sums of the carbon fields of the {@code emission} 1d points of one stack, or of an enterprise's stacks. The coal rates
     * are ratios of sums: a day's standard coal is its gross rate × generated energy (gce/kWh × MWh),
     * its supplied energy that coal over its net rate, so the month's rates are its coal over its
     * generated and supplied energy, not a mean of daily rates.
     */
    static final class CarbonSums {
        double co2T;
        boolean hasCo2;
        double energyMwh;
        boolean hasEnergy;
        /** Σ gross rate × energy and Σ energy over the days with both (发电煤耗's terms). */
        double coalGceKwhTimesMwh;

        double generatedMwh;
        /** Σ gross rate × energy and Σ supplied energy over the days that also have a net rate (供电煤耗's terms). */
        double coalForNetGceKwhTimesMwh;

        double suppliedMwh;

        void addDay(Double dayCo2T, Double dayEnergyMwh, Double grossGceKwh, Double netGceKwh) {
            if (dayCo2T != null) {
                co2T += dayCo2T;
                hasCo2 = true;
            }
            if (dayEnergyMwh == null) {
                return;
            }
            energyMwh += dayEnergyMwh;
            hasEnergy = true;
            if (grossGceKwh == null) {
                return;
            }
            double coal = grossGceKwh * dayEnergyMwh;
            coalGceKwhTimesMwh += coal;
            generatedMwh += dayEnergyMwh;
            if (netGceKwh != null && netGceKwh > 0) {
                coalForNetGceKwhTimesMwh += coal;
                suppliedMwh += coal / netGceKwh;
            }
        }

        void add(CarbonSums other) {
            co2T += other.co2T;
            hasCo2 |= other.hasCo2;
            energyMwh += other.energyMwh;
            hasEnergy |= other.hasEnergy;
            coalGceKwhTimesMwh += other.coalGceKwhTimesMwh;
            generatedMwh += other.generatedMwh;
            coalForNetGceKwhTimesMwh += other.coalForNetGceKwhTimesMwh;
            suppliedMwh += other.suppliedMwh;
        }

        /** 发电煤耗: standard coal per generated kWh over the days with a rate. */
        Double coalRateGrossGceKwh() {
            return generatedMwh > 0 ? coalGceKwhTimesMwh / generatedMwh : null;
        }

        /** 供电煤耗: standard coal per supplied kWh over the days with a net rate (the registry gives aux_power_pct). */
        Double coalRateNetGceKwh() {
            return suppliedMwh > 0 ? coalForNetGceKwhTimesMwh / suppliedMwh : null;
        }
    }

    /** Means and day counts of one device's {@code efficiency} 1d points. */
    static final class DeviceDays {
        Double efficiencyPctMean;
        long validDays;
        Double operatingRatePctMean;
        long operatingDays;
    }

    boolean isEmpty() {
        return hourPoints.isEmpty()
                && measuredKg.isEmpty()
                && accountedKg.isEmpty()
                && carbon.isEmpty()
                && devices.isEmpty()
                && hoursWithData.isEmpty();
    }

    static Set<Long> newHourSet() {
        return new HashSet<>();
    }
}
