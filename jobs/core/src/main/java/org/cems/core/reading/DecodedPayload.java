package org.cems.core.reading;

import java.util.List;

/**
 * What a payload held: readings, station uploads that are not readings (facility status, run
 * time, restarts, site information), rejections for what was not readable, and parts of split
 * HJ 212 uploads still to be joined with parts from other messages.
 */
public record DecodedPayload(
        List<Reading> readings, List<Rejection> rejections, List<SplitPart> splitParts, StationUploads station) {
    public DecodedPayload(List<Reading> readings, List<Rejection> rejections) {
        this(readings, rejections, List.of(), new StationUploads());
    }

    public DecodedPayload(List<Reading> readings, List<Rejection> rejections, List<SplitPart> splitParts) {
        this(readings, rejections, splitParts, new StationUploads());
    }
}
