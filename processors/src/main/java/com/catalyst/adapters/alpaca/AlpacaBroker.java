package com.catalyst.adapters.alpaca;

import com.catalyst.trading.BracketLeg;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerUnavailableException;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderStatus;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.UnreadableBrokerAnswerException;

import com.catalyst.adapters.alpaca.AlpacaRest.Response;
import com.catalyst.adapters.alpaca.AlpacaRest.TransientFailure;
import com.catalyst.adapters.alpaca.AlpacaRest.UnreadableAnswer;
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
import java.util.Map;
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

    private final URI baseUrl;
    private final boolean live;
    private final AlpacaRest rest;
    private final ObjectMapper json;
    // GET /v2/assets/{symbol}'s shortable and easy_to_borrow, asked once a symbol a New York day (a session)
    private final Map<String, Borrow> borrowCache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.time.LocalDate borrowDay;

    /** The broker on the process's one Alpaca client (its rate limiter and retry are shared with market data and news). */
    public AlpacaBroker(AlpacaTradingMode mode, AlpacaRest rest) {
        this.baseUrl = mode.baseUrl();
        this.live = mode.live();
        this.rest = rest;
        this.json = rest.json();
    }

    /** A broker with a client of its own (tests). */
    public AlpacaBroker(AlpacaTradingMode mode, String keyId, String secretKey, Duration connectTimeout, Duration requestTimeout,
                        AlpacaRest.Retries retries, AlpacaRest.RateLimit rateLimit, Consumer<Duration> rateLimitWaits) {
        this(mode, new AlpacaRest(keyId, secretKey, connectTimeout, requestTimeout, retries, rateLimit, rateLimitWaits));
    }

    public AlpacaRest rest() {
        return rest;
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
                response = rest.exchange(baseUrl, "POST", "/v2/orders", body);
            } catch (TransientFailure e) {
                // a 429 or our own rate limit refused it outright; a timeout, an I/O error or a 5xx may hide an accepted order
                if (!e.notSent()) {
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
            Response deleted = rest.exchange(baseUrl, "DELETE", "/v2/orders/" + encode(id), null);
            // 422: no longer cancelable (it filled meanwhile); the order as it now stands answers either way
            if (deleted.status() == 404) {
                return Optional.<BrokerOrder>empty();
            }
            if (deleted.status() != 200 && deleted.status() != 204 && deleted.status() != 422) {
                throw rest.refused("DELETE /v2/orders/" + id, deleted);
            }
            Response now = rest.exchange(baseUrl, "GET", "/v2/orders/" + encode(id), null);
            if (now.status() == 404) {
                return Optional.<BrokerOrder>empty();
            }
            return Optional.of(order(rest.expectOk("GET /v2/orders/" + id, now)));
        });
    }

    @Override
    public List<BrokerOrder> openOrders() {
        // not nested: a bracket's held legs are listed as orders of their own
        return withRetries("GET /v2/orders?status=open", () -> {
            JsonNode list = rest.expectOk("GET /v2/orders", rest.exchange(baseUrl, "GET", "/v2/orders?status=open&limit=500&direction=asc", null));
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
            JsonNode list = rest.expectOk("GET /v2/positions", rest.exchange(baseUrl, "GET", "/v2/positions", null));
            List<BrokerPosition> positions = new ArrayList<>();
            for (JsonNode node : array(list, "GET /v2/positions")) {
                // a short comes back with side "short" and a negative qty; the sign is taken from the side either way
                int quantity = Math.abs(wholeShares(node, "qty"));
                boolean isShort = "short".equals(node.path("side").asText());
                positions.add(new BrokerPosition(required(node, "symbol"), isShort ? -quantity : quantity, decimal(node, "avg_entry_price")));
            }
            return positions;
        });
    }

    /**
     * {@code GET /v2/assets/{symbol}}: its {@code shortable} and {@code easy_to_borrow}, asked once a symbol a session
     * (New York date) and kept; an unknown symbol (404) lends nothing. A failed call fails (nothing is kept).
     */
    @Override
    public Borrow borrow(String symbol) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
        if (!today.equals(borrowDay)) {
            borrowCache.clear();
            borrowDay = today;
        }
        return borrowCache.computeIfAbsent(symbol, s -> withRetries("GET /v2/assets/" + s, () -> {
            Response response = rest.exchange(baseUrl, "GET", "/v2/assets/" + encode(s), null);
            if (response.status() == 404) {
                return new Borrow(s, false, false);
            }
            JsonNode node = rest.expectOk("GET /v2/assets/" + s, response);
            return new Borrow(s, node.path("shortable").asBoolean(false), node.path("easy_to_borrow").asBoolean(false));
        }));
    }

    @Override
    public Account account() {
        return withRetries("GET /v2/account", () -> {
            JsonNode node = rest.expectOk("GET /v2/account", rest.exchange(baseUrl, "GET", "/v2/account", null));
            return new Account(required(node, "account_number"), decimal(node, "cash"), decimal(node, "equity"),
                    decimal(node, "buying_power"), !live);
        });
    }

    /** The JSON Alpaca documents for POST /v2/orders: decimal strings, day orders, a bracket when both legs are given. */
    String orderBody(OrderRequest order) {
        ObjectNode body = json.createObjectNode();
        body.put("symbol", order.symbol());
        body.put("qty", Integer.toString(order.quantity()));
        body.put("side", order.side().id());
        OrderType type = order.type() == null ? OrderType.MARKET : order.type();
        switch (type) {
            case MARKET -> body.put("type", "market");
            case LIMIT -> {
                if (order.limitPrice() == null) {
                    throw new IllegalArgumentException("order " + order.clientOrderId() + ": a limit order needs a limit price");
                }
                body.put("type", "limit");
                body.put("limit_price", order.limitPrice().toPlainString());
            }
            case TRAILING_STOP -> {
                // a single order only: Alpaca takes no trailing stop as a bracket's leg (docs/brokers.md, "Exits")
                body.put("type", "trailing_stop");
                if (order.trail().percent() != null) {
                    body.put("trail_percent", order.trail().percent().stripTrailingZeros().toPlainString());
                } else {
                    body.put("trail_price", order.trail().price().stripTrailingZeros().toPlainString());
                }
            }
            default -> throw new IllegalArgumentException("order " + order.clientOrderId() + ": type " + type
                    + " is not sent to Alpaca by this adapter (market, limit or trailing_stop)");
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
        Response response = rest.exchange(baseUrl, "GET", "/v2/orders:by_client_order_id?client_order_id=" + encode(clientOrderId), null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(order(rest.expectOk("GET /v2/orders:by_client_order_id " + clientOrderId, response)));
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
        OrderType type = known(OrderType::of, node.path("type").asText("market"));
        String clientOrderId = required(node, "client_order_id");
        BracketLeg leg = parentClientOrderId == null ? null : type == OrderType.LIMIT ? BracketLeg.TAKE_PROFIT : BracketLeg.STOP_LOSS;
        List<BrokerOrder> legs = new ArrayList<>();
        if (node.path("legs").isArray()) {
            for (JsonNode child : node.path("legs")) {
                legs.add(order(child, clientOrderId));
            }
        }
        return new BrokerOrder(required(node, "id"), clientOrderId, required(node, "symbol"), known(OrderSide::of, required(node, "side")),
                qty.isMissingNode() || qty.isNull() ? 0 : wholeShares(node, "qty"), status, wholeShares(node, "filled_qty"),
                decimal(node, "filled_avg_price"), BigDecimal.ZERO, instant(node, "submitted_at"), filledAt, null,
                type, decimal(node, "limit_price"), decimal(node, "stop_price"), parentClientOrderId, leg, null, List.of(), legs,
                trailing(node));
    }

    /**
     * A trailing stop's trail and mark ({@code hwm}) as Alpaca reports them: a sell's highest price since it started
     * working, a buy's (a short's cover) lowest; null for any other order.
     */
    private static BrokerOrder.Trailing trailing(JsonNode node) {
        BigDecimal percent = decimal(node, "trail_percent");
        BigDecimal price = decimal(node, "trail_price");
        if (percent == null && price == null) {
            return null;
        }
        if (percent != null && price != null) {
            throw new UnreadableAnswer("a trailing stop with both trail_percent and trail_price");
        }
        try {
            return new BrokerOrder.Trailing(new com.catalyst.trading.Trail(percent, price), decimal(node, "hwm"), null);
        } catch (IllegalArgumentException e) {
            throw new UnreadableAnswer(e.getMessage());
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String call) {
        if (!node.isArray()) {
            throw new UnreadableAnswer(call + ": expected a JSON array");
        }
        return node;
    }

    /** Runs {@code call} under the retry; a fault that outlives the attempts becomes {@link BrokerUnavailableException}. */
    private <T> T withRetries(String call, Supplier<T> attempt) {
        try {
            return rest.withRetries(call, attempt);
        } catch (AlpacaRest.UnavailableException e) {
            throw new BrokerUnavailableException(e.getMessage(), e.getCause());
        } catch (UnreadableAnswer e) {
            LOG.warn("Alpaca's answer to {} could not be read: {}", call, e.getMessage());
            throw new UnreadableBrokerAnswerException("Alpaca's answer to " + call + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A side or type in Alpaca's vocabulary; one this adapter does not know makes the answer unreadable, as an unknown status does. */
    private static <T> T known(java.util.function.Function<String, T> parse, String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UnreadableAnswer(e.getMessage());
        }
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
        return AlpacaRest.encode(value);
    }
}
