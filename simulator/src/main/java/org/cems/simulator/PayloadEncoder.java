package org.cems.simulator;

import java.util.List;

import org.cems.core.reading.Reading;
import org.cems.core.registry.Source;

/** Turns one point's readings into one payload; several readings go into one message. */
interface PayloadEncoder {
    byte[] encode(Source source, List<Reading> readings);
}
