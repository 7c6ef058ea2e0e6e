package com.catalyst.research;

/** A sweep request that cannot run, naming the field at fault ({@code grid.ema_fast}, {@code walk_forward}, …): a 400 over REST. */
public class SweepInputException extends IllegalArgumentException {

    private final String field;

    public SweepInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
