package com.catalyst.technical;

/**
 * Maximum or minimum of the last {@code window} values in O(1) amortized per push: a monotonic deque.
 * <p>
 * The deque holds only values that can still become the extreme (each newer than and beyond the ones before
 * it), in a ring of {@code window} slots, so nothing is allocated after construction.
 */
final class SlidingExtreme {

    private final int window;
    private final boolean maximum;
    private final double[] values;
    private final long[] positions;
    private int head;
    private int size;
    private long pushed;

    private SlidingExtreme(int window, boolean maximum) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.window = window;
        this.maximum = maximum;
        this.values = new double[window];
        this.positions = new long[window];
    }

    static SlidingExtreme maximum(int window) {
        return new SlidingExtreme(window, true);
    }

    static SlidingExtreme minimum(int window) {
        return new SlidingExtreme(window, false);
    }

    void push(double value) {
        // the head leaves once the new value makes the window move past it
        if (size > 0 && positions[head] <= pushed - window) {
            head = head + 1 == window ? 0 : head + 1;
            size--;
        }
        // older values that the new one equals or beats can never be the extreme again
        while (size > 0) {
            int tail = slot(size - 1);
            boolean dominated = maximum ? values[tail] <= value : values[tail] >= value;
            if (!dominated) {
                break;
            }
            size--;
        }
        int tail = slot(size);
        values[tail] = value;
        positions[tail] = pushed++;
        size++;
    }

    /** The extreme of the values in the window, NaN before the first push. */
    double value() {
        return size == 0 ? Double.NaN : values[head];
    }

    /** True once {@code window} values have been pushed. */
    boolean isFull() {
        return pushed >= window;
    }

    private int slot(int offset) {
        int at = head + offset;
        return at >= window ? at - window : at;
    }
}
