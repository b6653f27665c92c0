package org.cems.core.registry;

import java.util.Set;

/**
 * The names of the plan's targets. A registry's {@code targets} are given by year
 * ({@code targets: {2026: {nox_reduction_t: 923}}}), each keyed by the KPI indicator it is the
 * target of, so the KPI of a year finds its target under its own name.
 */
public final class Targets {
    /** Reduction versus the baseline year, tonnes: the indicator prefix of the parameter catalogue plus this. */
    public static final String REDUCTION_SUFFIX = "_reduction_t";

    public static final String EQUIPMENT_EFFICIENCY_GAIN_PCT = "equipment_efficiency_gain_pct";
    /** Ceiling on the energy-weighted net coal rate (供电煤耗) of the large units, gce/kWh. */
    public static final String COAL_RATE_NET_GCE_KWH = "coal_rate_net_gce_kwh";
    /** Targets that are ceilings (met below them) rather than amounts to reach. */
    public static final Set<String> CEILINGS = Set.of(COAL_RATE_NET_GCE_KWH);

    private Targets() {}

    public static String reduction(String indicatorPrefix) {
        return indicatorPrefix + REDUCTION_SUFFIX;
    }
}
