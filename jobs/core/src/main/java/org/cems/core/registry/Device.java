package org.cems.core.registry;

import java.io.Serializable;

/** A control device (FGD, SCR, ...) between an inlet and an outlet monitoring point. */
public class Device implements Serializable {
    private static final long serialVersionUID = 1L;
    public String id;
    /** What the duty officer calls it, e.g. 1号机组脱硫; optional: the dashboards show the id without it. */
    public String name;

    public String type;
    /** HJ 212-2017 code of the pollutant it removes, e.g. a21002 for an SCR. */
    public String pollutant;
    /** Source id of the inlet point. */
    public String inlet;
    /** Source id of the outlet point (usually the stack). */
    public String outlet;

    public Double baselineEfficiencyPct;
    public DeviceAlert alert = new DeviceAlert();

    public DeviceType deviceType() {
        return DeviceType.parse(type);
    }
}
