/**
 * HJ 212 (HJ/T 212-2005, HJ 212-2017, HJ 212-2025 Flag) codec for CEMS data loggers, without
 * runtime dependencies.
 *
 * <p>Entry points: {@link org.cems.hj212.Hj212Decoder} (bytes to {@link org.cems.hj212.DecodeResult}s),
 * {@link org.cems.hj212.SplitPacketAssembler} (PNUM/PNO uploads), {@link org.cems.hj212.Hj212Encoder}
 * and {@link org.cems.hj212.Hj212Replies} (frames back to the station).
 */
package org.cems.hj212;
