package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import com.catalyst.adapters.alpaca.AlpacaStreamConnection.Session;
import com.catalyst.adapters.alpaca.MarketStreamMessage.BarMessage;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Error;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Subscription;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Success;
import com.catalyst.adapters.alpaca.MarketStreamMessage.Unreadable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's market-data stream (REFERENCE.md 4.10; docs/alpaca-streams.md): connect, {@code auth}, {@code subscribe}
 * to {@code bars} and {@code updatedBars} of the wanted symbols, and every bar to {@link LiveBars}, stamped with its
 * end. Bars go on in the order they came: ordering, duplicates and bad values are the store's and the sanitizer's job.
 * <p>
 * {@link #subscribe} may be called at any time (before {@link #start}: the first subscription); the wanted set is sent
 * again after every reconnect, and {@link LiveBars#onReconnected} follows once it is subscribed. The keys travel in
 * the auth message only: no message or log line carries them.
 */
public final class AlpacaMarketStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketStream.class);

    /** The setting that names the stream's URL, for the messages an operator reads. */
    public static final String URL_SETTING = "CATALYST_MARKET_ALPACA_STREAM_URL";
    /** Every symbol, in the wanted set (SIP plans only). */
    public static final String ALL_SYMBOLS = "*";
    static final String NAME = "market-data";

    private final String keyId;
    private final String secretKey;
    private final LiveBars sink;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final MarketStreamParser parser = new MarketStreamParser(json);
    private final AlpacaStreamConnection connection;
    private Set<String> wanted = Set.of();
    private Set<String> requested = Set.of();
    private Session subscribedOn;
    private volatile int subscribed;
    private volatile Instant lastBarAt;

    public AlpacaMarketStream(URI url, String keyId, String secretKey, LiveBars sink, StreamSettings settings) {
        this(url, keyId, secretKey, sink, settings, Clock.systemUTC());
    }

    /** @param clock the wall clock of the status's times and of the once-a-minute log of unreadable messages */
    public AlpacaMarketStream(URI url, String keyId, String secretKey, LiveBars sink, StreamSettings settings, Clock clock) {
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.sink = sink;
        this.clock = clock;
        this.connection = new AlpacaStreamConnection(NAME, url, URL_SETTING, settings, new Protocol(), clock);
    }

    /**
     * Connects, authenticates and subscribes the wanted set; returns once Alpaca has answered the subscription.
     *
     * @throws AlpacaStreamException 402 when the keys are refused (never retried), 406 when another process or client
     *                               holds the account's stream, or a URL that does not answer (naming {@value #URL_SETTING})
     */
    public void start() {
        connection.start();
    }

    /**
     * Replaces the wanted set: what is new is subscribed, what is gone unsubscribed (both bars and updated bars).
     * {@value #ALL_SYMBOLS} asks for every symbol (SIP).
     */
    public void subscribe(Set<String> symbols) {
        Set<String> next = Set.copyOf(symbols);
        synchronized (this) {
            wanted = next;
            if (subscribedOn == null || !subscribedOn.isOpen()) {
                return; // sent whole once the (next) connection is authenticated
            }
            Set<String> added = new TreeSet<>(next);
            added.removeAll(requested);
            Set<String> removed = new TreeSet<>(requested);
            removed.removeAll(next);
            if (!removed.isEmpty()) {
                subscribedOn.send(subscription("unsubscribe", removed));
            }
            if (!added.isEmpty()) {
                connection.clearProblem("405");
                subscribedOn.send(subscription("subscribe", added));
            }
            requested = next;
        }
    }

    public StreamStatus status() {
        return new StreamStatus(NAME, connection.connected(), connection.lastMessageAt(), lastBarAt, subscribed,
                connection.problems(), connection.unreadableMessages(), connection.reconnects());
    }

    /** Stops the stream; no reconnect after this. */
    @Override
    public void close() {
        connection.close();
    }

    private String subscription(String action, Set<String> symbols) {
        ObjectNode message = json.createObjectNode().put("action", action);
        ArrayNode bars = message.putArray("bars");
        symbols.forEach(bars::add);
        message.putArray("updatedBars").addAll(bars);
        return message.toString();
    }

    private String auth() {
        return json.createObjectNode().put("action", "auth").put("key", keyId == null ? "" : keyId)
                .put("secret", secretKey == null ? "" : secretKey).toString();
    }

    /** After {@code authenticated}: the whole wanted set; ready at once when there is nothing to subscribe. */
    private void subscribeAll(Session session) {
        Set<String> all;
        synchronized (this) {
            all = wanted;
            requested = all;
            subscribedOn = session;
        }
        if (all.isEmpty()) {
            session.ready();
            return;
        }
        connection.clearProblem("405");
        connection.clearProblem("409");
        session.send(subscription("subscribe", new TreeSet<>(all)));
    }

    private void error(Session session, Error error) {
        String alpaca = "Alpaca: " + error.code() + " " + error.msg();
        switch (error.code()) {
            case 402 -> session.refused(new AlpacaStreamException(402, "Alpaca refused the keys of the market-data stream (402 auth failed):"
                    + " check ALPACA_API_KEY / ALPACA_SECRET_KEY (paper and live keys differ); the stream is not retried."));
            case 406 -> {
                String text = "406 connection limit exceeded: another process or client holds this account's market-data stream"
                        + " (Alpaca allows one); retrying after the 406 wait, stop the other one or let it relay its bars";
                LOG.warn("Alpaca {} stream: {}", NAME, text);
                session.connectionLimit(text);
            }
            case 405 -> {
                String text = "405 symbol limit exceeded: the plan streams fewer symbols than the " + wantedCount()
                        + " asked (30 on the free IEX plan); Alpaca keeps the previous set";
                LOG.warn("Alpaca {} stream: {} ({})", NAME, text, alpaca);
                connection.problem("405", text);
                readyAfterSubscribe(session);
            }
            case 409 -> {
                String text = "409 insufficient subscription: the account's market-data plan does not cover this feed at "
                        + "this URL; set CATALYST_MARKET_ALPACA_FEED=iex (the free plan) or subscribe to SIP";
                LOG.warn("Alpaca {} stream: {} ({})", NAME, text, alpaca);
                connection.problem("409", text);
                readyAfterSubscribe(session);
            }
            case 401, 404 -> {
                // not (or no longer) authenticated on this connection: a fresh connection authenticates again
                LOG.warn("Alpaca {} stream: {}: reconnecting", NAME, alpaca);
                session.reconnect(alpaca);
            }
            case 403 -> LOG.info("Alpaca {} stream: {} (a second auth on one connection; harmless)", NAME, alpaca);
            case 400 -> {
                LOG.warn("Alpaca {} stream: {}: a message Catalyst sent was refused as invalid (a Catalyst bug: report it)", NAME, alpaca);
                connection.problem("400", "400 invalid syntax: Alpaca refused a message Catalyst sent");
            }
            case 407 -> {
                LOG.warn("Alpaca {} stream: {}: Catalyst reads more slowly than Alpaca sends; Alpaca drops the connection and"
                        + " Catalyst reconnects and back-fills", NAME, alpaca);
                connection.problem("407", "407 slow client: the process did not keep up with the stream (CPU starved?)");
            }
            default -> LOG.warn("Alpaca {} stream: {}", NAME, alpaca);
        }
    }

    /** A 405 or 409 answers the subscribe: the connection is up, with a problem on the status. */
    private void readyAfterSubscribe(Session session) {
        synchronized (this) {
            if (subscribedOn != session) {
                return;
            }
        }
        session.ready();
    }

    private synchronized int wantedCount() {
        return wanted.size();
    }

    private void deliver(BarMessage bar) {
        lastBarAt = clock.instant();
        try {
            sink.onBar(bar.symbol(), bar.bar(), bar.updated());
        } catch (RuntimeException e) {
            LOG.warn("Alpaca {} stream: the bar store failed on {} at {}: {}", NAME, bar.symbol(), bar.bar().time(), e.toString(), e);
        }
    }

    private final class Protocol implements AlpacaStreamConnection.Protocol {

        @Override
        public void opened(Session session) {
            // Alpaca speaks first: [{"T":"success","msg":"connected"}]
        }

        @Override
        public void received(Session session, String message) {
            for (MarketStreamMessage entry : parser.parse(message)) {
                if (entry instanceof BarMessage bar) {
                    deliver(bar);
                } else if (entry instanceof Success success) {
                    if ("connected".equals(success.msg())) {
                        session.send(auth());
                    } else if ("authenticated".equals(success.msg())) {
                        subscribeAll(session);
                    }
                } else if (entry instanceof Subscription subscription) {
                    subscribed = subscription.bars().size();
                    LOG.debug("Alpaca {} stream subscribed to {} symbol(s)", NAME, subscribed);
                    readyAfterSubscribe(session);
                } else if (entry instanceof Error error) {
                    error(session, error);
                } else if (entry instanceof Unreadable unreadable) {
                    connection.unreadable(unreadable.reason());
                }
            }
        }

        @Override
        public void ready(boolean first) {
            if (!first) {
                sink.onReconnected();
            }
        }
    }
}
