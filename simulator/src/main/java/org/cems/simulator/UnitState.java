package org.cems.simulator;

/**
 * The operating state that a stack and the inlet points in front of it share at one time.
 *
 * @param loadFraction output as a fraction of full load
 * @param loadMw generator output, or null when the source has no capacity_mw (not a power unit)
 * @param stackO2Pct O2 at the stack, or null for gas that is not from combustion
 * @param stackFlowM3PerHour standard dry flow at the stack
 */
record UnitState(double loadFraction, Double loadMw, Double stackO2Pct, double stackFlowM3PerHour) {}
