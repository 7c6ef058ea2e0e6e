package com.catalyst.technical;

/**
 * Fixed-capacity first-in first-out store of the latest doubles: the window behind the rolling indicators.
 * Not thread-safe; each indicator owns its ring.
 */
final class DoubleRing {

    private final double[] values;
    private int next;
    private int size;

    DoubleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.values = new double[capacity];
    }

    /**
     * Appends a value.
     *
     * @return the value that fell out of the window, or NaN while the ring was not yet full
     */
    double push(double value) {
        double evicted = size == values.length ? values[next] : Double.NaN;
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
        return evicted;
    }

    boolean isFull() {
        return size == values.length;
    }

    int size() {
        return size;
    }

    int capacity() {
        return values.length;
    }

    /** The i-th value held, oldest first. */
    double get(int i) {
        int start = size == values.length ? next : 0;
        int at = start + i;
        return values[at >= values.length ? at - values.length : at];
    }
}
