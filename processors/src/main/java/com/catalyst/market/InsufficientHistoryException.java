package com.catalyst.market;

/**
 * Thrown when a computation is asked for with fewer bars than it needs: "not enough bars (have N, need M)".
 * The API maps it to a client error; callers can read both numbers.
 */
public class InsufficientHistoryException extends RuntimeException {

    private final int have;
    private final int need;

    public InsufficientHistoryException(int have, int need) {
        super("not enough bars (have " + have + ", need " + need + ")");
        this.have = have;
        this.need = need;
    }

    /** Throws unless {@code have >= need}. */
    public static void requireBars(int have, int need) {
        if (have < need) {
            throw new InsufficientHistoryException(have, need);
        }
    }

    public int have() {
        return have;
    }

    public int need() {
        return need;
    }
}
