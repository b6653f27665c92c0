package org.cems.cli.ledger;

/** One control device in one month: means of its daily {@code efficiency} points (null: no such day). */
record DeviceMonthRow(
        String enterprise,
        String name,
        LedgerMonth month,
        String device,
        String deviceType,
        String pollutant,
        String outlet,
        Double efficiencyPct,
        long validDays,
        Double operatingRatePct,
        long operatingDays) {}
