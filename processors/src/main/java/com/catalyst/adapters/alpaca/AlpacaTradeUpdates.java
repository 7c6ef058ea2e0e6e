package com.catalyst.adapters.alpaca;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.catalyst.adapters.alpaca.AlpacaStreamConnection.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's trading stream of order events (REFERENCE.md 4.11; docs/alpaca-streams.md) at the trading host's
 * {@code /stream}: {@code authenticate}, {@code listen} to {@code trade_updates}, and every event as a
 * {@link TradeUpdate}. The paper host sends binary frames, the live host text: both are read.
 * <p>
 * The stream replays nothing after a drop, so {@code onListening} runs after every successful connect-and-listen,
 * the first included: the order sync over REST that settles what happened while it was away. Reconnects follow the
 * market stream's policy (the same {@link AlpacaStreamConnection}). The keys travel in the authenticate message only.
 */
public final class AlpacaTradeUpdates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaTradeUpdates.class);

    /** The setting the stream's URL comes from (https becomes wss, the path {@code /stream}). */
    public static final String URL_SETTING = "CATALYST_BROKER_ALPACA_URL";
    static final String NAME = "trade-updates";

    private final String keyId;
    private final String secretKey;
    private final Consumer<TradeUpdate> updates;
    private final Runnable onListening;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AlpacaStreamConnection connection;
    private volatile Instant lastUpdateAt;

    public AlpacaTradeUpdates(URI tradingBaseUrl, String keyId, String secretKey, Consumer<TradeUpdate> updates,
                              Runnable onListening, StreamSettings settings) {
        this(tradingBaseUrl, keyId, secretKey, updates, onListening, settings, Clock.systemUTC());
    }

    /**
     * @param tradingBaseUrl the trading API ({@code https://paper-api.alpaca.markets}); the stream is at its {@code /stream}
     * @param updates        told every event, on the socket's thread: keep it short
     * @param onListening    run after every connect-and-listen (start-up and each reconnect), on the stream's own thread
     */
    public AlpacaTradeUpdates(URI tradingBaseUrl, String keyId, String secretKey, Consumer<TradeUpdate> updates,
                              Runnable onListening, StreamSettings settings, Clock clock) {
        this(keyId, secretKey, streamUrl(tradingBaseUrl), updates, onListening, settings, clock);
    }

    /** The stream at a URL of its own ({@code catalyst.broker.alpaca.stream-url}: a proxy, a stub) instead of the trading host's. */
    public static AlpacaTradeUpdates at(URI streamUrl, String keyId, String secretKey, Consumer<TradeUpdate> updates,
                                        Runnable onListening, StreamSettings settings) {
        return new AlpacaTradeUpdates(keyId, secretKey, streamUrl, updates, onListening, settings, Clock.systemUTC());
    }

    private AlpacaTradeUpdates(String keyId, String secretKey, URI streamUrl, Consumer<TradeUpdate> updates,
                               Runnable onListening, StreamSettings settings, Clock clock) {
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.updates = updates;
        this.onListening = onListening;
        this.clock = clock;
        this.connection = new AlpacaStreamConnection(NAME, streamUrl, URL_SETTING, settings, new Protocol(), clock);
    }

    /** {@code https://paper-api.alpaca.markets} → {@code wss://paper-api.alpaca.markets/stream} (http → ws). */
    public static URI streamUrl(URI tradingBaseUrl) {
        String scheme = tradingBaseUrl.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException(URL_SETTING + ": " + tradingBaseUrl + " is not an http(s) URL");
        }
        try {
            return new URI("https".equalsIgnoreCase(scheme) ? "wss" : "ws", null, tradingBaseUrl.getHost(), tradingBaseUrl.getPort(),
                    "/stream", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_SETTING + ": no stream URL can be made of " + tradingBaseUrl, e);
        }
    }

    /**
     * Connects, authenticates and listens; returns once Alpaca confirms {@code trade_updates}.
     *
     * @throws AlpacaStreamException when the keys are refused (never retried) or the host does not answer
     */
    public void start() {
        connection.start();
    }

    public StreamStatus status() {
        return new StreamStatus(NAME, connection.connected(), connection.lastMessageAt(), lastUpdateAt, 0,
                connection.problems(), connection.unreadableMessages(), connection.reconnects());
    }

    @Override
    public void close() {
        connection.close();
    }

    private String authenticate() {
        ObjectNode message = json.createObjectNode().put("action", "authenticate");
        message.putObject("data").put("key_id", keyId == null ? "" : keyId).put("secret_key", secretKey == null ? "" : secretKey);
        return message.toString();
    }

    private String listen() {
        ObjectNode message = json.createObjectNode().put("action", "listen");
        message.putObject("data").putArray("streams").add("trade_updates");
        return message.toString();
    }

    private final class Protocol implements AlpacaStreamConnection.Protocol {

        @Override
        public void opened(Session session) {
            session.send(authenticate());
        }

        @Override
        public void received(Session session, String message) {
            JsonNode root;
            try {
                root = json.readTree(message);
            } catch (IOException e) {
                throw new UnreadableStreamMessage("not JSON: " + message.substring(0, Math.min(80, message.length())));
            }
            if (root == null || !root.path("stream").isTextual()) {
                throw new UnreadableStreamMessage("no stream field: " + message.substring(0, Math.min(80, message.length())));
            }
            JsonNode data = root.path("data");
            switch (root.get("stream").asText()) {
                case "authorization" -> authorization(session, data);
                case "listening" -> listening(session, data);
                case "trade_updates" -> {
                    TradeUpdate update = TradeUpdate.of(data);
                    lastUpdateAt = clock.instant();
                    updates.accept(update);
                }
                default -> LOG.debug("Alpaca {} stream: ignored a message of stream {}", NAME, root.get("stream").asText());
            }
        }

        private void authorization(Session session, JsonNode data) {
            if ("authorized".equals(data.path("status").asText())) {
                session.send(listen());
            } else {
                session.refused(new AlpacaStreamException(401, "Alpaca refused the keys of the trade updates stream (status '"
                        + data.path("status").asText() + "'): check ALPACA_API_KEY / ALPACA_SECRET_KEY for the host of "
                        + URL_SETTING + " (paper and live keys differ); the stream is not retried."));
            }
        }

        private void listening(Session session, JsonNode data) {
            List<String> streams = new ArrayList<>();
            data.path("streams").forEach(stream -> streams.add(stream.asText()));
            if (streams.contains("trade_updates")) {
                connection.clearProblem("listen");
                session.ready();
            } else {
                connection.problem("listen", "Alpaca did not confirm trade_updates (listening to " + streams + ")");
                session.reconnect("trade_updates not confirmed");
            }
        }

        @Override
        public void ready(boolean first) {
            onListening.run();
        }
    }
}
