package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code catalyst.broker.alpaca.*}: the Alpaca trading adapter's settings, read when {@code catalyst.broker.adapter=alpaca}.
 * The keys are not here: they come from ALPACA_API_KEY and ALPACA_SECRET_KEY only, so no property dump can show them.
 * docs/brokers.md explains each setting and how to go live.
 */
@Validated
@ConfigurationProperties(prefix = "catalyst.broker.alpaca")
public record AlpacaBrokerProperties(
        @NotNull @DefaultValue("paper") @Pattern(regexp = "paper|live", message = "must be paper or live") String mode,
        // the second, separate setting live trading needs (AlpacaTradingMode.CONFIRMATION)
        @DefaultValue("") String liveConfirm,
        // another base URL than Alpaca's host for the mode (a stub, a proxy); empty: Alpaca's own
        URI url,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue RateLimit rateLimit) {

    public record Retry(
            @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
            @NotNull @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("2.0") @DecimalMin("1.0") @DecimalMax("10.0") double multiplier,
            @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @NotNull @DefaultValue("8s") Duration maxBackoff,
            @NotNull @DefaultValue("30s") Duration maxRetryAfter) {
    }

    public record RateLimit(
            // Alpaca allows 200 a minute per key; any minute sees at most requests-per-minute + burst
            @DefaultValue("180") @Min(1) @Max(10000) int requestsPerMinute,
            @DefaultValue("3") @Min(1) @Max(100) int burst,
            @NotNull @DefaultValue("10s") Duration maxWait) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        @jakarta.validation.constraints.AssertTrue(message = "burst must not exceed requests-per-minute")
        public boolean isBurstWithinRate() {
            return burst <= requestsPerMinute;
        }
    }
}
