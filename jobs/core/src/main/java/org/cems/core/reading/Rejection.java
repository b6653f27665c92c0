package org.cems.core.reading;

import org.cems.core.deadletter.DeadLetterReason;

/** Why a payload, or part of it, could not become a reading; {@code reason} is from the catalogue. */
public record Rejection(DeadLetterReason reason, String detail) {}
