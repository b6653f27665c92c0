package org.cems.job.emission;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The largest of the last {@code length} values pushed (valid hourly masses), kept as a monotonic
 * deque: only values that may still become the maximum stay, so a steady source holds a handful
 * of entries rather than {@code length}.
 */
public final class MaxWindow {
    private final int length;
    private final ArrayDeque<Long> sequence = new ArrayDeque<>();
    private final ArrayDeque<Double> value = new ArrayDeque<>();

    public MaxWindow(int length) {
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** Adds the value numbered {@code seq} (numbers rise by one per value). */
    public void push(long seq, double v) {
        while (!value.isEmpty() && value.peekLast() <= v) {
            value.pollLast();
            sequence.pollLast();
        }
        value.addLast(v);
        sequence.addLast(seq);
        while (sequence.peekFirst() <= seq - length) {
            sequence.pollFirst();
            value.pollFirst();
        }
    }

    /** The largest of the last {@code length} values; null before the first. */
    public Double max() {
        return value.peekFirst();
    }

    int size() {
        return value.size();
    }

    Iterator<Long> sequences() {
        return sequence.iterator();
    }

    Iterator<Double> values() {
        return value.iterator();
    }

    /** Restores an entry as {@link #sequences()} and {@link #values()} listed it, in order. */
    void restore(long seq, double v) {
        sequence.addLast(seq);
        value.addLast(v);
    }
}
