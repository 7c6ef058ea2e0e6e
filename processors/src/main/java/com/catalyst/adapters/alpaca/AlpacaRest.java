package com.catalyst.adapters.alpaca;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The one HTTP client of every Alpaca REST call in a process: the trading API (orders, positions, account, assets,
 * clock, calendar) and the market-data API (bars, snapshots, news) go through the same key headers, the same
 * client-side rate limiter and the same retry policy.
 * <ul>
 * <li>{@link #exchange} is one attempt after the limiter's permission: timeouts, I/O errors, 5xx and 429 throw
 * {@link TransientFailure} (a 429 with the wait it asked for); any other status is a {@link Response}.</li>
 * <li>{@link #withRetries} runs attempts under the resilience4j retry: exponential backoff with jitter, a 429's own
 * Retry-After (or X-RateLimit-Reset), bounded. What outlives the attempts is {@link UnavailableException}.</li>
 * <li>{@link #getJson} is a read: a GET under the retry whose 200 answer must be JSON.</li>
 * </ul>
 * The keys travel in the APCA-API-KEY-ID / APCA-API-SECRET-KEY headers only: no message or log line carries them.
 */
public final class AlpacaRest {

    /** The resilience4j name of the retry and the rate limiter: the {@code name} tag of their metrics. */
    public static final String NAME = "alpaca";

    /** Attempts per call and the waits between them; {@code maxRetryAfter} bounds a 429's requested wait. */
    public record Retries(int maxAttempts, Duration initialBackoff, double multiplier, double jitter, Duration maxBackoff,
                          Duration maxRetryAfter) {
    }

    /**
     * At most {@code burst} requests every {@code 60 s × burst / requestsPerMinute}: any minute then sees at most
     * requestsPerMinute + burst requests. A call waits up to {@code maxWait} for its turn.
     */
    public record RateLimit(int requestsPerMinute, int burst, Duration maxWait) {
    }

    private final String keyId;
    private final String secretKey;
    private final Duration requestTimeout;
    private final Retries retries;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final RetryRegistry retryRegistry;
    private final Retry retry;
    private final RateLimiterRegistry rateLimiterRegistry;
    private final RateLimiter rateLimiter;
    private final Consumer<Duration> rateLimitWaits;

    /**
     * @param rateLimitWaits told how long each request waited for the rate limiter (a metric)
     */
    public AlpacaRest(String keyId, String secretKey, Duration connectTimeout, Duration requestTimeout, Retries retries,
                      RateLimit rateLimit, Consumer<Duration> rateLimitWaits) {
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.rateLimitWaits = rateLimitWaits;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(retries.initialBackoff(), retries.multiplier(),
                retries.jitter(), retries.maxBackoff());
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(retries.maxAttempts())
                .retryOnException(e -> e instanceof TransientFailure)
                // a 429 says how long to wait; every other fault backs off exponentially with jitter
                .intervalBiFunction((attempt, outcome) -> outcome.isLeft() && outcome.getLeft() instanceof TransientFailure t
                        && t.retryAfter != null ? t.retryAfter.toMillis() : backoff.apply(attempt))
                .build();
        this.retryRegistry = RetryRegistry.of(retryConfig);
        this.retry = retryRegistry.retry(NAME);
        Duration period = Duration.ofMillis(60_000L * rateLimit.burst() / rateLimit.requestsPerMinute());
        this.rateLimiterRegistry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(rateLimit.burst()).limitRefreshPeriod(period).timeoutDuration(rateLimit.maxWait()).build());
        this.rateLimiter = rateLimiterRegistry.rateLimiter(NAME);
    }

    public RetryRegistry retryRegistry() {
        return retryRegistry;
    }

    public RateLimiterRegistry rateLimiterRegistry() {
        return rateLimiterRegistry;
    }

    public int maxAttempts() {
        return retries.maxAttempts();
    }

    public ObjectMapper json() {
        return json;
    }

    /** Whether both keys are set (a process that never calls Alpaca may run without them). */
    public boolean hasKeys() {
        return keyId != null && !keyId.isBlank() && secretKey != null && !secretKey.isBlank();
    }

    /**
     * Runs {@code attempt} under the retry. A fault that outlives the attempts is {@link UnavailableException}; an
     * {@link UnreadableAnswer} or a refusal is not retried and goes to the caller as it is.
     */
    public <T> T withRetries(String call, Supplier<T> attempt) {
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (TransientFailure e) {
            throw new UnavailableException("Alpaca did not serve " + call + " after " + retries.maxAttempts() + " attempts: "
                    + e.getMessage(), e);
        }
    }

    /** {@code GET base + pathAndQuery} under the retry; the answer must be 200 and JSON, else {@link RefusedException}. */
    public JsonNode getJson(URI base, String pathAndQuery) {
        String call = "GET " + withoutQuery(pathAndQuery);
        return withRetries(call, () -> expectOk(call, exchange(base, "GET", pathAndQuery, null)));
    }

    /** The body of a 200 answer as JSON; another status is a {@link RefusedException}, a body that is not JSON unreadable. */
    public JsonNode expectOk(String call, Response response) {
        if (response.status() != 200) {
            throw refused(call, response);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new UnreadableAnswer(call + ": empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableAnswer(call + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public RefusedException refused(String call, Response response) {
        String hint = response.status() == 401 || response.status() == 403
                ? " (check ALPACA_API_KEY / ALPACA_SECRET_KEY: paper and live keys differ)" : "";
        return new RefusedException(response.status(), "Alpaca answered HTTP " + response.status() + " to " + call + ": "
                + response.message() + hint);
    }

    /** One HTTP request, after the rate limiter's permission; faults worth another attempt throw TransientFailure. */
    public Response exchange(URI base, String method, String pathAndQuery, String body) {
        long start = System.nanoTime();
        try {
            RateLimiter.waitForPermission(rateLimiter);
        } catch (RequestNotPermitted e) {
            throw new TransientFailure("the client-side rate limit (" + NAME + ") had no request left within its wait", null, e, true);
        } finally {
            rateLimitWaits.accept(Duration.ofNanos(System.nanoTime() - start));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(requestTimeout)
                .header("APCA-API-KEY-ID", keyId == null ? "" : keyId)
                .header("APCA-API-SECRET-KEY", secretKey == null ? "" : secretKey)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        // the query may hold symbols and page tokens, never a key: still, messages name the path only
        String call = method + " " + withoutQuery(pathAndQuery);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TransientFailure(call + " got no answer within " + requestTimeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new TransientFailure(call + " failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + call, e);
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new TransientFailure(call + " was rate limited by Alpaca (HTTP 429)", retryAfter(response), null, true);
        }
        if (status >= 500) {
            throw new TransientFailure(call + " answered HTTP " + status, null, null);
        }
        return new Response(status, response.body(), json);
    }

    /** Retry-After in seconds, else X-RateLimit-Reset (unix seconds), bounded by maxRetryAfter; null when neither. */
    private Duration retryAfter(HttpResponse<String> response) {
        Duration wait = null;
        Optional<String> after = response.headers().firstValue("Retry-After");
        Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
        try {
            if (after.isPresent()) {
                wait = Duration.ofSeconds(Long.parseLong(after.get().trim()));
            } else if (reset.isPresent()) {
                wait = Duration.ofMillis(Long.parseLong(reset.get().trim()) * 1000 - System.currentTimeMillis());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (wait == null) {
            return null;
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(retries.maxRetryAfter()) > 0 ? retries.maxRetryAfter() : wait;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String withoutQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** An HTTP answer below 500 (and not 429), with Alpaca's error message when there is one. */
    public record Response(int status, String body, ObjectMapper json) {
        public String message() {
            try {
                JsonNode node = json.readTree(body);
                if (node != null && node.path("message").isTextual()) {
                    return node.path("code").isMissingNode() ? node.path("message").asText()
                            : node.path("message").asText() + " (code " + node.path("code").asText() + ")";
                }
            } catch (IOException e) {
                // not Alpaca's error shape: the status alone then
            }
            return body == null || body.isBlank() ? "no message" : "'" + body.substring(0, Math.min(200, body.length())) + "'";
        }
    }

    /** A fault worth another attempt; {@code retryAfter} is the wait a 429 asked for, or null. */
    public static final class TransientFailure extends RuntimeException {
        final Duration retryAfter;
        /** Refused before Alpaca could act on it (HTTP 429, the client-side rate limit). */
        final boolean notSent;

        TransientFailure(String message, Duration retryAfter, Throwable cause) {
            this(message, retryAfter, cause, false);
        }

        TransientFailure(String message, Duration retryAfter, Throwable cause, boolean notSent) {
            super(message, cause, false, false);
            this.retryAfter = retryAfter;
            this.notSent = notSent;
        }

        /** Whether Alpaca cannot have acted on the request (a 429 or the client-side limit refused it before). */
        public boolean notSent() {
            return notSent;
        }
    }

    /** An answer that is not the JSON Alpaca documents. */
    public static final class UnreadableAnswer extends RuntimeException {
        public UnreadableAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /** Alpaca did not answer after every attempt (timeouts, I/O errors, 5xx, 429s). */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Alpaca answered, and the answer is a refusal (4xx other than 429): wrong keys, an unknown symbol, a bad parameter. */
    public static final class RefusedException extends IllegalStateException {
        private final int status;

        RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
