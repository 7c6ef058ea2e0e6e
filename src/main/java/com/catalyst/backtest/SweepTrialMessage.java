package com.catalyst.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One trial of a sweep on the Kafka topic: only its id. The worker reads the sweep's request from PostgreSQL and makes
 * the same plan from it as the process that took the sweep (SweepPlan is deterministic), so nothing but the id travels
 * and a message never goes stale.
 */
public record SweepTrialMessage(@JsonProperty("sweep_id") long sweepId, @JsonProperty("trial_no") int trialNo) {

    /** The record key: a trial's messages (a resend) land on one partition. */
    public String key() {
        return sweepId + "-" + trialNo;
    }
}
