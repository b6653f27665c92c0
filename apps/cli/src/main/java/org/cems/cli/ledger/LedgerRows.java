package org.cems.cli.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cems.core.registry.Device;
import org.cems.core.registry.Enterprise;

/** Sums one month's figures over each enterprise's stacks, and lists its devices. */
final class LedgerRows {
    private static final double KG_PER_T = 1000.0;
    private static final MonthFigures.CarbonSums NO_CARBON = new MonthFigures.CarbonSums();

    private final LedgerScope scope;
    /** Pollutants each stack monitors: any hour point or reading of it in the ledger's months, or a registry limit. */
    private final Map<StackKey, Set<String>> monitored = new LinkedHashMap<>();

    LedgerRows(LedgerScope scope, Iterable<MonthFigures> months) {
        this.scope = scope;
        for (Enterprise e : scope.enterprises) {
            for (StackKey stack : LedgerScope.stacks(e)) {
                monitored.put(stack, new TreeSet<>(LedgerScope.limitedPollutants(e, stack.source())));
            }
        }
        for (MonthFigures f : months) {
            addMonitored(f.hourPoints.keySet());
            addMonitored(f.hoursWithData.keySet());
        }
    }

    private void addMonitored(Set<PollutantKey> keys) {
        for (PollutantKey k : keys) {
            Set<String> pollutants = monitored.get(k.stack());
            if (pollutants != null) {
                pollutants.add(k.pollutant());
            }
        }
    }

    List<EnterpriseMonthRow> enterpriseRows(LedgerMonth month, MonthFigures f) {
        List<EnterpriseMonthRow> rows = new ArrayList<>();
        for (Enterprise e : scope.enterprises) {
            Map<String, Double> measuredKg = new LinkedHashMap<>();
            Map<String, Double> accountedKg = new LinkedHashMap<>();
            MonthFigures.CarbonSums carbon = new MonthFigures.CarbonSums();
            long exceeded = 0;
            long substituted = 0;
            long expected = 0;
            long withData = 0;
            long valid = 0;
            for (StackKey stack : LedgerScope.stacks(e)) {
                carbon.add(f.carbon.getOrDefault(stack, NO_CARBON));
                exceeded += f.exceededHours.getOrDefault(stack, 0L);
                for (String pollutant : monitored.get(stack)) {
                    PollutantKey k = new PollutantKey(stack, pollutant);
                    Set<Long> stopped = f.stoppedHours.getOrDefault(k, Set.of());
                    Set<Long> received = new HashSet<>(f.hoursWithData.getOrDefault(k, Set.of()));
                    received.removeAll(stopped);
                    expected += month.hours() - stopped.size();
                    withData += received.size();
                    valid += f.validHours.getOrDefault(k, 0L);
                    substituted += f.substitutedHours.getOrDefault(k, 0L);
                    addIfPresent(measuredKg, pollutant, f.measuredKg.get(k));
                    addIfPresent(accountedKg, pollutant, f.accountedKg.get(k));
                }
            }
            rows.add(new EnterpriseMonthRow(
                    e.id,
                    e.name,
                    month,
                    tonnes(measuredKg),
                    tonnes(accountedKg),
                    carbon.hasCo2 ? carbon.co2T : null,
                    carbon.hasEnergy ? carbon.energyMwh : null,
                    carbon.coalRateGrossGceKwh(),
                    carbon.coalRateNetGceKwh(),
                    exceeded,
                    substituted,
                    expected,
                    withData,
                    valid));
        }
        return rows;
    }

    List<DeviceMonthRow> deviceRows(LedgerMonth month, MonthFigures f) {
        List<DeviceMonthRow> rows = new ArrayList<>();
        for (Enterprise e : scope.enterprises) {
            for (Device d : e.devices) {
                MonthFigures.DeviceDays days = new MonthFigures.DeviceDays();
                for (Map.Entry<DeviceKey, MonthFigures.DeviceDays> x : f.devices.entrySet()) {
                    if (x.getKey().enterprise().equals(e.id)
                            && x.getKey().device().equals(d.id)) {
                        days = x.getValue();
                    }
                }
                rows.add(new DeviceMonthRow(
                        e.id,
                        e.name,
                        month,
                        d.id,
                        d.type,
                        d.pollutant,
                        d.outlet,
                        days.efficiencyPctMean,
                        days.validDays,
                        days.operatingRatePctMean,
                        days.operatingDays));
            }
        }
        return rows;
    }

    private static void addIfPresent(Map<String, Double> sums, String pollutant, Double kg) {
        if (kg != null) {
            sums.merge(pollutant, kg, Double::sum);
        }
    }

    private static Map<String, Double> tonnes(Map<String, Double> kg) {
        Map<String, Double> t = new LinkedHashMap<>();
        kg.forEach((p, v) -> t.put(p, v / KG_PER_T));
        return t;
    }
}
