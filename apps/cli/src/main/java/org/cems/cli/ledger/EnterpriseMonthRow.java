package org.cems.cli.ledger;

import java.util.Map;

/**
 * One enterprise in one month, summed over its stacks (kg, t, MWh, hours) before any ratio is
 * taken. A null figure means no data (never 0).
 */
record EnterpriseMonthRow(
        String enterprise,
        String name,
        LedgerMonth month,
        Map<String, Double> measuredT,
        Map<String, Double> accountedT,
        Double co2T,
        Double energyMwh,
        Double coalRateGrossGceKwh,
        Double coalRateNetGceKwh,
        long exceededHours,
        long substitutedHours,
        long expectedHours,
        long hoursWithData,
        long validHours) {

    /** 传输率 = hours with data / hours expected (real-plant-data.md §5: 传输实收量 / 传输应收量). */
    Double transmissionPct() {
        return ratioPct(hoursWithData, expectedHours);
    }

    /** 有效率 = valid hours / hours with data (§5: 有效实收量 / 有效应收量, the data received being what is due to be valid). */
    Double validityPct() {
        return ratioPct(validHours, hoursWithData);
    }

    /** 传输有效率 = valid hours / hours expected = 传输率 × 有效率 (§5). */
    Double transmissionValidityPct() {
        return ratioPct(validHours, expectedHours);
    }

    private static Double ratioPct(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }
}
