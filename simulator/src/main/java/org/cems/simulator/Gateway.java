package org.cems.simulator;

import java.util.List;

/** What the gateway of a point sends at one tick of event time: a pure function of point and tick. */
@FunctionalInterface
interface Gateway {
    List<Upload> uploadsAt(MonitoringPoint point, long tickMillis);
}
