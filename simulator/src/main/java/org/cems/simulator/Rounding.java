package org.cems.simulator;

/** Gateways send a few decimals, not a double's full precision (HJ 212 types such as N5.2). */
final class Rounding {
    private Rounding() {}

    /** Whole numbers from 1000 up (flows), two decimals below. */
    static double forReport(double value) {
        if (Math.abs(value) >= 1000) {
            return Math.round(value);
        }
        return Math.round(value * 100.0) / 100.0;
    }

    /** Totals ({@code -Cou}): whole numbers from 100,000 up (m3 of flow), four decimals below (0.1 g of a pollutant). */
    static double forTotal(double value) {
        if (Math.abs(value) >= 100_000) {
            return Math.round(value);
        }
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
