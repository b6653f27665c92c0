package org.cems.job.efficiency;

import org.cems.core.registry.Device;

/** The efficiency figures of one device window from its inlet and outlet records. */
final class EfficiencyCalculator {
    private EfficiencyCalculator() {}

    /** Null until both sides are there. */
    static EfficiencyRecord of(
            String enterprise, Device device, String window, long windowStartMillis, DeviceWindow w) {
        if (w.inlet == null || w.outlet == null) {
            return null;
        }
        EfficiencyRecord e = new EfficiencyRecord();
        e.enterprise = enterprise;
        e.source = device.outlet;
        e.inlet = device.inlet;
        e.device = device.id;
        e.deviceType = device.deviceType().code();
        e.pollutant = device.pollutant;
        e.window = window;
        e.windowStartMillis = windowStartMillis;
        e.running = w.running();
        e.inletRefMgM3 = w.inlet.concRefMgM3;
        e.outletRefMgM3 = w.outlet.concRefMgM3;
        e.efficiencyPct = removedShare(w.inlet.concRefMgM3, w.outlet.concRefMgM3);
        e.massEfficiencyPct = removedShare(w.inlet.rateKgH, w.outlet.rateKgH);
        e.inletKg = w.inlet.massKg;
        if (w.inlet.massKg != null && w.outlet.massKg != null) {
            e.removedKg = w.inlet.massKg - w.outlet.massKg;
        }
        e.valid = w.inlet.valid && w.outlet.valid && e.efficiencyPct != null;
        e.baselinePct = device.baselineEfficiencyPct;
        if (e.baselinePct != null && e.efficiencyPct != null) {
            e.deltaPct = e.efficiencyPct - e.baselinePct;
        }
        e.minEfficiencyPct = DeviceThresholds.minEfficiencyPct(device);
        return e;
    }

    /** (in − out) / in × 100; null without a positive inlet value. */
    static Double removedShare(Double in, Double out) {
        if (in == null || out == null || !(in > 0)) {
            return null;
        }
        return (in - out) / in * 100.0;
    }

    /**
     * A sub-period counts as in service when the device removed at least half its minimum
     * efficiency: a bypassed or tripped device removes next to nothing, a degraded one still
     * counts as running (its drop is the efficiency alert's business).
     */
    static boolean inService(EfficiencyRecord sub) {
        return sub != null && sub.valid && sub.efficiencyPct >= sub.minEfficiencyPct / 2.0;
    }
}
