package org.cems.simulator;

/**
 * Deterministic noise: a pure function of the seed, a stream (which point and parameter) and the
 * event time. Any reading can therefore be recomputed on its own, in any order, by a test or by
 * a later run with the same seed.
 */
final class Noise {
    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1), independent for every (stream, index). */
    double uniform(long stream, long index) {
        long h = mix(seed ^ mix(stream + 0x9E3779B97F4A7C15L * index));
        return (h >>> 11) * 0x1.0p-53;
    }

    /**
     * A number in [0, 1] that changes smoothly: knots every {@code periodMillis} with cosine
     * interpolation in between, so process values drift instead of jumping from one reading to the next.
     */
    double smooth(long stream, long timeMillis, long periodMillis) {
        long knot = Math.floorDiv(timeMillis, periodMillis);
        double along = (timeMillis - knot * periodMillis) / (double) periodMillis;
        double weight = (1.0 - Math.cos(Math.PI * along)) / 2.0;
        return uniform(stream, knot) * (1.0 - weight) + uniform(stream, knot + 1) * weight;
    }

    /** A stable 64-bit stream id from names (FNV-1a; String.hashCode is too narrow for this). */
    static long stream(String... names) {
        long h = 0xcbf29ce484222325L;
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                h ^= name.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= '/';
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
