package com.catalyst.adapters.alpaca;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerUnavailableException;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderStatus;
import com.catalyst.trading.UnreadableBrokerAnswerException;

import com.catalyst.trading.BrokerPort;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's trading API v2 (orders, positions, account) behind the broker port.
 * <ul>
 * <li>Refusals are answers, not faults: 403 (buying power, shares) and 422 come back as a rejected order with Alpaca's
 * message and are never retried; 422 "client_order_id must be unique" is {@link DuplicateClientOrderIdException}.</li>
 * <li>Faults are retried by resilience4j: timeouts, I/O errors and 5xx with exponential backoff and jitter, 429 after
 * its Retry-After (or X-RateLimit-Reset), bounded. Before an order is sent again, the previous attempt, which may have
 * reached Alpaca, is looked up by its client order id; a re-send carries the same id, so Alpaca refuses a copy.</li>
 * <li>One client-side rate limiter, shared by every call, keeps under Alpaca's 200 requests a minute.</li>
 * <li>An order answer that cannot be read is returned as status {@code unknown}, for reconciliation to settle.</li>
 * </ul>
 * The keys travel in the APCA-API-KEY-ID / APCA-API-SECRET-KEY headers only: no message or log line carries them.
 */
public final class AlpacaBroker implements BrokerPort {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    /** The resilience4j name of the retry and the rate limiter: the {@code name} tag of their metrics. */
    public static final String NAME = "alpaca";
    private static final String DUPLICATE = "client_order_id must be unique";

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

    private final URI baseUrl;
    private final boolean live;
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
    public AlpacaBroker(AlpacaTradingMode mode, String keyId, String secretKey, Duration connectTimeout, Duration requestTimeout,
                        Retries retries, RateLimit rateLimit, Consumer<Duration> rateLimitWaits) {
        this.baseUrl = mode.baseUrl();
        this.live = mode.live();
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

    @Override
    public BrokerOrder submit(OrderRequest order) {
        String body = orderBody(order);
        AtomicBoolean maybeReached = new AtomicBoolean(false);
        return withRetries("POST /v2/orders " + order.clientOrderId(), () -> {
            if (maybeReached.get()) {
                // the attempt that failed may have reached Alpaca: settle it before anything is sent again
                Optional<BrokerOrder> known = lookup(order.clientOrderId());
                if (known.isPresent()) {
                    LOG.info("Order {} reached Alpaca before the failed attempt's answer was lost: {}", order.clientOrderId(), known.get().status());
                    return known.get();
                }
            }
            Response response;
            try {
                response = exchange("POST", "/v2/orders", body);
            } catch (TransientFailure e) {
                // a 429 or our own rate limit refused it outright; a timeout, an I/O error or a 5xx may hide an accepted order
                if (!e.notSent) {
                    maybeReached.set(true);
                }
                throw e;
            }
            return switch (response.status()) {
                case 200, 201 -> orderOrUnknown(order, response);
                case 422 -> {
                    String message = response.message();
                    if (message.contains(DUPLICATE)) {
                        throw new DuplicateClientOrderIdException(order.clientOrderId());
                    }
                    yield rejected(order, response);
                }
                case 400, 401, 403, 404 -> rejected(order, response);
                default -> unknown(order, "unexpected answer from Alpaca (HTTP " + response.status() + ")");
            };
        });
    }

    @Override
    public Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
        return withRetries("GET /v2/orders:by_client_order_id " + clientOrderId, () -> lookup(clientOrderId));
    }

    @Override
    public Optional<BrokerOrder> cancel(String clientOrderId) {
        Optional<BrokerOrder> known = findByClientOrderId(clientOrderId);
        if (known.isEmpty() || BrokerOrder.FINAL.contains(known.get().status())) {
            return known;
        }
        String id = known.get().brokerOrderId();
        return withRetries("DELETE /v2/orders/" + id, () -> {
            Response deleted = exchange("DELETE", "/v2/orders/" + encode(id), null);
            // 422: no longer cancelable (it filled meanwhile); the order as it now stands answers either way
            if (deleted.status() == 404) {
                return Optional.<BrokerOrder>empty();
            }
            if (deleted.status() != 200 && deleted.status() != 204 && deleted.status() != 422) {
                throw refused("DELETE /v2/orders/" + id, deleted);
            }
            Response now = exchange("GET", "/v2/orders/" + encode(id), null);
            if (now.status() == 404) {
                return Optional.<BrokerOrder>empty();
            }
            return Optional.of(order(expectOk("GET /v2/orders/" + id, now)));
        });
    }

    @Override
    public List<BrokerOrder> openOrders() {
        // not nested: a bracket's held legs are listed as orders of their own
        return withRetries("GET /v2/orders?status=open", () -> {
            JsonNode list = expectOk("GET /v2/orders", exchange("GET", "/v2/orders?status=open&limit=500&direction=asc", null));
            List<BrokerOrder> orders = new ArrayList<>();
            for (JsonNode node : array(list, "GET /v2/orders")) {
                orders.add(order(node));
            }
            return orders;
        });
    }

    @Override
    public List<BrokerPosition> positions() {
        return withRetries("GET /v2/positions", () -> {
            JsonNode list = expectOk("GET /v2/positions", exchange("GET", "/v2/positions", null));
            List<BrokerPosition> positions = new ArrayList<>();
            for (JsonNode node : array(list, "GET /v2/positions")) {
                positions.add(new BrokerPosition(required(node, "symbol"), wholeShares(node, "qty"), decimal(node, "avg_entry_price")));
            }
            return positions;
        });
    }

    @Override
    public Account account() {
        return withRetries("GET /v2/account", () -> {
            JsonNode node = expectOk("GET /v2/account", exchange("GET", "/v2/account", null));
            return new Account(required(node, "account_number"), decimal(node, "cash"), decimal(node, "equity"),
                    decimal(node, "buying_power"), !live);
        });
    }

    /** The JSON Alpaca documents for POST /v2/orders: decimal strings, day orders, a bracket when both legs are given. */
    String orderBody(OrderRequest order) {
        ObjectNode body = json.createObjectNode();
        body.put("symbol", order.symbol());
        body.put("qty", Integer.toString(order.quantity()));
        body.put("side", order.side());
        String type = order.type() == null ? "market" : order.type();
        switch (type) {
            case "market" -> body.put("type", "market");
            case "limit" -> {
                if (order.limitPrice() == null) {
                    throw new IllegalArgumentException("order " + order.clientOrderId() + ": a limit order needs a limit price");
                }
                body.put("type", "limit");
                body.put("limit_price", order.limitPrice().toPlainString());
            }
            default -> throw new IllegalArgumentException("order " + order.clientOrderId() + ": type " + type
                    + " is not sent to Alpaca by this adapter (market or limit)");
        }
        body.put("time_in_force", "day");
        body.put("client_order_id", order.clientOrderId());
        if (order.stopLossPrice() != null || order.takeProfitPrice() != null) {
            // both legs: a bracket (Alpaca cancels one when the other fills); one leg: an order that triggers it (oto)
            body.put("order_class", order.stopLossPrice() != null && order.takeProfitPrice() != null ? "bracket" : "oto");
            if (order.takeProfitPrice() != null) {
                body.putObject("take_profit").put("limit_price", order.takeProfitPrice().toPlainString());
            }
            if (order.stopLossPrice() != null) {
                body.putObject("stop_loss").put("stop_price", order.stopLossPrice().toPlainString());
            }
        }
        return body.toString();
    }

    /** One lookup, no retry of its own: the caller's retry covers it. */
    private Optional<BrokerOrder> lookup(String clientOrderId) {
        Response response = exchange("GET", "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId), null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(order(expectOk("GET /v2/orders:by_client_order_id " + clientOrderId, response)));
    }

    private BrokerOrder orderOrUnknown(OrderRequest request, Response response) {
        try {
            return order(json.readTree(response.body()));
        } catch (IOException | UnreadableAnswer e) {
            return unknown(request, "unreadable answer from Alpaca (HTTP " + response.status() + "): " + e.getMessage());
        }
    }

    /** Sent, but what Alpaca made of it cannot be read: unknown, for the lookup by client order id to settle. */
    private BrokerOrder unknown(OrderRequest request, String reason) {
        LOG.warn("Order {}: {}; recorded as unknown until reconciliation looks it up", request.clientOrderId(), reason);
        return new BrokerOrder(null, request.clientOrderId(), request.symbol(), request.side(), request.quantity(), "unknown", 0, null,
                BigDecimal.ZERO, null, null, reason);
    }

    private BrokerOrder rejected(OrderRequest request, Response response) {
        String reason = "Alpaca refused the order (HTTP " + response.status() + "): " + response.message();
        LOG.warn("Order {} {} {} x{}: {}", request.clientOrderId(), request.side(), request.symbol(), request.quantity(), reason);
        return new BrokerOrder(null, request.clientOrderId(), request.symbol(), request.side(), request.quantity(), "rejected", 0, null,
                BigDecimal.ZERO, null, null, reason);
    }

    private BrokerOrder order(JsonNode node) {
        return order(node, null);
    }

    /**
     * An order object of Alpaca's; a bracket entry's {@code legs} become its legs (take_profit is the limit leg,
     * stop_loss the stop one), each naming the entry as parent, so that the order sync records them locally.
     */
    private BrokerOrder order(JsonNode node, String parentClientOrderId) {
        if (node == null || !node.isObject()) {
            throw new UnreadableAnswer("an order must be a JSON object");
        }
        String status = required(node, "status");
        try {
            OrderStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw new UnreadableAnswer(e.getMessage());
        }
        Instant filledAt = instant(node, "filled_at");
        if ("filled".equals(status) && filledAt == null) {
            throw new UnreadableAnswer("a filled order without filled_at");
        }
        JsonNode qty = node.path("qty");
        String type = node.path("type").asText("market");
        String clientOrderId = required(node, "client_order_id");
        String leg = parentClientOrderId == null ? null : "limit".equals(type) ? "take_profit" : "stop_loss";
        List<BrokerOrder> legs = new ArrayList<>();
        if (node.path("legs").isArray()) {
            for (JsonNode child : node.path("legs")) {
                legs.add(order(child, clientOrderId));
            }
        }
        return new BrokerOrder(required(node, "id"), clientOrderId, required(node, "symbol"), required(node, "side"),
                qty.isMissingNode() || qty.isNull() ? 0 : wholeShares(node, "qty"), status, wholeShares(node, "filled_qty"),
                decimal(node, "filled_avg_price"), BigDecimal.ZERO, instant(node, "submitted_at"), filledAt, null,
                type, decimal(node, "limit_price"), decimal(node, "stop_price"), parentClientOrderId, leg, null, List.of(), legs);
    }

    private JsonNode expectOk(String call, Response response) {
        if (response.status() != 200) {
            throw refused(call, response);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new UnreadableAnswer("empty body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableAnswer(call + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String call) {
        if (!node.isArray()) {
            throw new UnreadableAnswer(call + ": expected a JSON array");
        }
        return node;
    }

    private IllegalStateException refused(String call, Response response) {
        String hint = response.status() == 401 || response.status() == 403
                ? " (check ALPACA_API_KEY / ALPACA_SECRET_KEY: paper and live keys differ)" : "";
        return new IllegalStateException("Alpaca answered HTTP " + response.status() + " to " + call + ": " + response.message() + hint);
    }

    /** Runs {@code call} under the retry; a fault that outlives the attempts becomes {@link BrokerUnavailableException}. */
    private <T> T withRetries(String call, Supplier<T> attempt) {
        try {
            return Retry.decorateSupplier(retry, attempt).get();
        } catch (TransientFailure e) {
            throw new BrokerUnavailableException("Alpaca did not serve " + call + " after " + retries.maxAttempts() + " attempts: "
                    + e.getMessage(), e);
        } catch (UnreadableAnswer e) {
            LOG.warn("Alpaca's answer to {} could not be read: {}", call, e.getMessage());
            throw new UnreadableBrokerAnswerException("Alpaca's answer to " + call + " could not be read: " + e.getMessage(), e);
        }
    }

    /** One HTTP request, after the rate limiter's permission; faults worth another attempt throw TransientFailure. */
    private Response exchange(String method, String pathAndQuery, String body) {
        long start = System.nanoTime();
        try {
            RateLimiter.waitForPermission(rateLimiter);
        } catch (RequestNotPermitted e) {
            throw new TransientFailure("the client-side rate limit (" + NAME + ") had no request left within its wait", null, e, true);
        } finally {
            rateLimitWaits.accept(Duration.ofNanos(System.nanoTime() - start));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery))
                .timeout(requestTimeout)
                .header("APCA-API-KEY-ID", keyId)
                .header("APCA-API-SECRET-KEY", secretKey)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String call = method + " " + pathAndQuery;
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

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new UnreadableAnswer("field '" + field + "' is missing or not text");
        }
        return value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new UnreadableAnswer("field '" + field + "' is not a number: '" + value.asText() + "'");
        }
    }

    /** Catalyst trades whole shares; a fractional quantity is not an answer it can record. */
    private static int wholeShares(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null) {
            throw new UnreadableAnswer("field '" + field + "' is missing");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new UnreadableAnswer("field '" + field + "' is not a whole number of shares: " + value.toPlainString());
        }
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableAnswer("field '" + field + "' is not a timestamp: '" + value.asText() + "'");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An HTTP answer below 500 (and not 429), with Alpaca's error message when there is one. */
    private record Response(int status, String body, ObjectMapper json) {
        String message() {
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
    private static final class TransientFailure extends RuntimeException {
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
    }

    /** An answer that is not the JSON Alpaca documents. */
    private static final class UnreadableAnswer extends RuntimeException {
        UnreadableAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
