package org.cems.simulator;

import java.time.Instant;

/**
 * A snapshot of what the simulator has sent. Readings and payloads count once the broker has
 * acknowledged them (QoS 1/2 or acks=all); a payload may carry several readings (backfill).
 *
 * @param readingsSent readings in delivered payloads
 * @param payloadsSent delivered payloads (MQTT messages, Kafka records, printed lines)
 * @param errors payloads that could not be delivered
 * @param lastEventTime event time of the latest reading handed to a transport; null before the first
 */
public record SimulatorStats(long readingsSent, long payloadsSent, long errors, Instant lastEventTime) {}
