package org.cems.core.reading;

import java.util.List;

/**
 * What a payload held: readings, rejections for what was not readable, and parts of split HJ 212
 * uploads still to be joined with parts from other messages.
 */
public record DecodedPayload(List<Reading> readings, List<Rejection> rejections, List<SplitPart> splitParts) {
    public DecodedPayload(List<Reading> readings, List<Rejection> rejections) {
        this(readings, rejections, List.of());
    }
}
