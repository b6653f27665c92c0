/**
 * The HJ 212 TCP gateway: data loggers connect over TCP, their frames go to Kafka
 * ({@code cems.readings}, keyed by MN) and their bad frames to {@code cems.deadletter}; a frame
 * that asks for an answer gets its 9014 only after Kafka acknowledged it. Start one with
 * {@link org.cems.gateway.Hj212Gateway#builder()}, or from the command line with
 * {@link org.cems.gateway.GatewayMain}, which the launcher ({@code bin/cems gateway} in apps/cli)
 * calls with the reader of {@code --registry}. The gateway takes stations as plain values (MNs,
 * passwords by MN), not the job's registry model.
 */
package org.cems.gateway;
