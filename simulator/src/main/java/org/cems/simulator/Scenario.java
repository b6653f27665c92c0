package org.cems.simulator;

import java.util.List;

/**
 * A pattern of real plant data placed on a point and a time ({@link ScenarioType} makes one from
 * a {@link Placement}). It rewrites what gateways send at a tick, given what they would send
 * without it ({@code upstream}); it may ask upstream about other ticks (a minute average needs
 * the minute's readings), so it stays a pure function of seed, point and tick.
 */
interface Scenario {
    List<Upload> uploadsAt(MonitoringPoint point, long tickMillis, Gateway upstream);
}
