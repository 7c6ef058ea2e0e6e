package com.catalyst.risk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The risk manager's verdict on a proposal, as {@code risk_decisions.verdict} stores it: approved as proposed, resized
 * (a limit cut the size) or rejected.
 */
public enum Verdict {
    APPROVED("approved"),
    RESIZED("resized"),
    REJECTED("rejected");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    /** The stored and wire value, lower case; anything else is refused. */
    @JsonCreator
    public static Verdict of(String id) {
        for (Verdict verdict : values()) {
            if (verdict.id.equals(id)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("verdict must be approved, resized or rejected, got '" + id + "'");
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The wire value, so that a message reads as it did when the verdict was a string. */
    @Override
    public String toString() {
        return id;
    }
}
