package com.catalyst.news;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The HTTP client of one keyed news source (NewsAPI, Alpha Vantage): a client-side daily allowance (a resilience4j
 * rate limiter that never waits), retries of 5xx, timeouts and I/O errors (resilience4j, exponential backoff with
 * jitter), and a rest after the source asks us to back off. A 429 is not retried here: on a daily allowance a retry
 * a second later only spends another request, so the adapter reads the source's error code and calls {@link #rest}.
 * Messages name the source and the setting, never the URL (Alpha Vantage's key travels in it) nor a key.
 */
public final class NewsSourceClient {

    /** The requests the allowance grants every 24 h from start-up, attempts per call, and how long a rest lasts. */
    public record Settings(Duration requestTimeout, int requestsPerDay, int maxAttempts, Duration initialBackoff, Duration coolDown) {
    }

    /** An answer below 500: the adapter reads the source's own error shape. */
    public record Answer(int status, String body) {
    }

    private final String source;
    private final String allowanceSetting;
    private final Settings settings;
    private final Clock clock;
    private final List<String> secrets;
    private final HttpClient http;
    private final RateLimiter allowance;
    private final Retry retry;
    private volatile Instant restingUntil;

    /**
     * @param source           the source's name in messages ("NewsAPI")
     * @param allowanceSetting the property of {@code requestsPerDay}, named when the allowance is spent
     * @param secrets          strings that must never appear in a message (the key)
     */
    public NewsSourceClient(String source, String allowanceSetting, Settings settings, Clock clock, Collection<String> secrets) {
        this.source = source;
        this.allowanceSetting = allowanceSetting;
        this.settings = settings;
        this.clock = clock;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.requestTimeout()).build();
        this.allowance = RateLimiter.of(source, RateLimiterConfig.custom().limitForPeriod(settings.requestsPerDay())
                .limitRefreshPeriod(Duration.ofDays(1)).timeoutDuration(Duration.ZERO).build());
        this.retry = Retry.of(source, RetryConfig.custom().maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof TransientFault)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, 0.5))
                .build());
    }

    /** {@code GET uri} with {@code headers}, under the allowance and the retries; what outlives them is a NewsSourceException. */
    public Answer get(URI uri, Map<String, String> headers) {
        Instant until = restingUntil;
        if (until != null && clock.instant().isBefore(until)) {
            throw new NewsSourceException(source + " asked us to back off: no request before " + until + " (the rest after"
                    + " a rate-limit answer lasts " + settings.coolDown() + ")");
        }
        try {
            return Retry.decorateSupplier(retry, () -> attempt(uri, headers)).get();
        } catch (TransientFault e) {
            throw new NewsSourceException(source + " did not answer after " + settings.maxAttempts() + " attempts: " + e.getMessage());
        }
    }

    /** The source asked us to back off (rate limited, allowance spent): no request for the cool-down. */
    public Instant rest() {
        Instant until = clock.instant().plus(settings.coolDown());
        restingUntil = until;
        return until;
    }

    public Duration coolDown() {
        return settings.coolDown();
    }

    public int requestsPerDay() {
        return settings.requestsPerDay();
    }

    /** {@code text} with every secret replaced: for messages that quote a source's answer. */
    public String redact(String text) {
        String out = text == null ? "" : text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    private Answer attempt(URI uri, Map<String, String> headers) {
        if (!allowance.acquirePermission()) {
            throw new NewsSourceException(source + "'s client-side allowance of " + settings.requestsPerDay() + " requests a day ("
                    + allowanceSetting + ") is spent; news from it resumes when the 24 h window refills");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", "application/json").GET();
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TransientFault("no answer within " + settings.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            // the exception's own text may quote the URL: only its type and a redacted message travel on
            throw new TransientFault(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + redact(e.getMessage()) + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsSourceException("interrupted while waiting for " + source);
        }
        if (response.statusCode() >= 500) {
            throw new TransientFault("HTTP " + response.statusCode());
        }
        return new Answer(response.statusCode(), response.body());
    }

    /** A fault worth another attempt: 5xx, a timeout, an I/O error. No cause is kept: causes may quote the URL. */
    static final class TransientFault extends RuntimeException {
        TransientFault(String message) {
            super(message, null, false, false);
        }
    }
}
