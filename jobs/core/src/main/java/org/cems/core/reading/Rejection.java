package org.cems.core.reading;

/** Why a payload, or part of it, could not become a reading; {@code reason} is a stable code. */
public record Rejection(String reason, String detail) {}
