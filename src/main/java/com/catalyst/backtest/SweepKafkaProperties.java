package com.catalyst.backtest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code catalyst.sweep.kafka.*} (docs/research.md): where a sweep's trials go when {@code CATALYST_SWEEP_ENGINE=kafka},
 * and how the workers ({@code CATALYST_BUNDLES=backtest-worker}) take them.
 *
 * @param bootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}: host:port[,host:port]
 * @param topic            the trials topic; created by the broker on first use unless it exists (make it with at least as
 *                         many partitions as workers, docs/research.md)
 * @param group            the workers' consumer group: each trial goes to one of them
 * @param sessionTimeoutMs how soon a worker that stopped answering (killed) loses its partitions to the others
 * @param maxTrialMs       the longest a trial may run before its worker is thought stuck and its trial given to another
 */
@Validated
@ConfigurationProperties(prefix = "catalyst.sweep.kafka")
public record SweepKafkaProperties(
        @DefaultValue("") String bootstrapServers,
        @NotBlank @DefaultValue("catalyst.sweep.trials") String topic,
        @NotBlank @DefaultValue("catalyst-sweep-workers") String group,
        @Min(6000) @Max(300_000) @DefaultValue("10000") int sessionTimeoutMs,
        @Min(10_000) @Max(86_400_000) @DefaultValue("1800000") int maxTrialMs) {
}
