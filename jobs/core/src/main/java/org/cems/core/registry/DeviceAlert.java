package org.cems.core.registry;

import java.io.Serializable;

/** Alert thresholds of one control device; unset values take the device type's defaults. */
public class DeviceAlert implements Serializable {
    private static final long serialVersionUID = 1L;
    public Double minEfficiencyPct;
    public Double maxDropPctPoints;
}
