package com.catalyst.backtest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code catalyst.sweep.*} (docs/research.md): how parameter sweeps run in process.
 *
 * @param threads   the trial pool's threads; 0 (default) = every core ({@code Runtime.availableProcessors()})
 * @param maxTrials the most trials one sweep may have; a grid or a sample beyond it is refused with 400, the count and the limit
 * @param maxSweeps sweeps queued or running at once; one more answers 429 with Retry-After
 * @param engine    where trials run unless a request says: {@code in-process} (this process's pool) or {@code kafka}
 *                  (the workers, through Kafka: docs/research.md)
 */
@Validated
@ConfigurationProperties(prefix = "catalyst.sweep")
public record SweepProperties(
        @Min(0) @Max(1024) @DefaultValue("0") int threads,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxTrials,
        @Min(1) @Max(100) @DefaultValue("2") int maxSweeps,
        @jakarta.validation.constraints.Pattern(regexp = "in-process|kafka", message = "must be in-process or kafka")
        @DefaultValue("in-process") String engine) {
}
