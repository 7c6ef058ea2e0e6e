package com.catalyst.risk;

import com.catalyst.trading.WireId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The risk manager's verdict on a proposal, as {@code risk_decisions.verdict} stores it: approved as proposed, resized
 * (a limit cut the size) or rejected.
 */
public enum Verdict implements WireId {
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
        return WireId.parse(Verdict.class, id, "verdict");
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The wire value, so that a message reads as it did when the verdict was a string. */
    @Override
    public String toString() {
        return id;
    }
}
