package com.catalyst.risk;

/** Where the session stands when a proposal is judged: the trading window limit reads it. */
public record SessionTime(boolean marketOpen, long minutesSinceOpen, long minutesToClose) {

    /** The middle of a regular session (195 minutes in, 195 to go): outside any configured window. */
    public static SessionTime midSession() {
        return new SessionTime(true, 195, 195);
    }
}
