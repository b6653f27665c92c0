package org.cems.core.registry;

import java.io.Serializable;

/** The city plan's targets (seed plan, Table 1), versus the baseline year. */
public class Targets implements Serializable {
    private static final long serialVersionUID = 1L;
    public double noxReductionT;
    public double vocsReductionT;
    public double equipmentEfficiencyGainPct;
}
