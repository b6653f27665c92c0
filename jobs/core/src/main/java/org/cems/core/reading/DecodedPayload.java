package org.cems.core.reading;

import java.util.List;

/** The readings a payload held, and the rejections for what it held that was not readable. */
public record DecodedPayload(List<Reading> readings, List<Rejection> rejections) {}
