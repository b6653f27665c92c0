package org.cems.job.efficiency;

/**
 * How well one control device removed its pollutant in one window: the {@code efficiency}
 * measurement. A Flink POJO; null fields are unknown and not written.
 */
public class EfficiencyRecord {
    public String enterprise;
    /** The outlet point (usually the stack). */
    public String source;

    public String inlet;
    public String device;
    public String deviceType;
    public String pollutant;
    /** 1m, 1h or 1d. */
    public String window;

    public long windowStartMillis;
    /** Inlet and outlet both valid (HJ 212-2017 App. D rules) with a positive inlet concentration. */
    public boolean valid;
    /** The unit ran: the outlet window was not stopped (flag F throughout). */
    public boolean running;
    /** (Cin − Cout) / Cin × 100 on reference-O2 concentrations (emission-formulas.md section 4). */
    public Double efficiencyPct;
    /** (Gin − Gout) / Gin × 100 on emission rates, kg/h: free of the O2 and air-leak question. */
    public Double massEfficiencyPct;

    public Double inletRefMgM3;
    public Double outletRefMgM3;
    /** Pollutant mass entering the device in the window (the inlet's valid hours, day), kg: its weight in city KPIs. */
    public Double inletKg;
    /** Inlet mass minus outlet mass in the window. */
    public Double removedKg;

    public Double baselinePct;
    /** Efficiency minus baseline, percentage points. */
    public Double deltaPct;
    /** 1h and 1d only: sub-periods in service over sub-periods the unit ran, × 100. */
    public Double operatingRatePct;

    public double minEfficiencyPct;

    public EfficiencyRecord() {}
}
