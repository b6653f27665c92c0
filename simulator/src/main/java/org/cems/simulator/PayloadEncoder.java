package org.cems.simulator;

import java.util.List;
import org.cems.core.registry.Source;

/** Turns one point's uploads into one payload; several uploads go into one message. */
interface PayloadEncoder {
    byte[] encode(Source source, List<Upload> uploads);
}
