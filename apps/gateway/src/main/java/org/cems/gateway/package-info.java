/**
 * The HJ 212 TCP gateway: data loggers connect over TCP, their frames go to Kafka
 * ({@code cems.readings}, keyed by MN) and their bad frames to {@code cems.deadletter}; a frame
 * that asks for an answer gets its 9014 only after Kafka acknowledged it. Start one with
 * {@link org.cems.gateway.Hj212Gateway#builder()}, or from the command line with
 * {@link org.cems.gateway.GatewayMain}.
 */
package org.cems.gateway;
