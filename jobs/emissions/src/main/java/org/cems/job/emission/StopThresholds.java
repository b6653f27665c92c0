package org.cems.job.emission;

import java.io.Serializable;

/**
 * What counts as "about zero" when flow or unit load corroborates a stop (config
 * {@code stop_detection.*}). Not values from a standard: engineering defaults, far below any
 * running stack's flow or unit's load and above a stopped meter's noise.
 *
 * @param flowBelowM3H standard-dry flow under this (m3/h) is no flow
 * @param loadBelowMw unit load under this (MW) is no load
 */
public record StopThresholds(double flowBelowM3H, double loadBelowMw) implements Serializable {
    public static final StopThresholds DEFAULTS = new StopThresholds(1000.0, 1.0);
}
