package com.catalyst.adapters.alpaca;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alpaca WebSocket that comes back after a drop: the connection, reconnect and backoff code of both Alpaca
 * streams (market data and trade updates); what is said on it is the {@link Protocol}'s business.
 * <ul>
 * <li>{@link #start()} connects once and waits until the protocol says it is ready (authenticated and subscribed, or
 * listening); a refusal, a URL that does not answer or a 406 at start-up throws, and nothing is retried.</li>
 * <li>After start-up, a drop reconnects with exponential backoff and jitter ({@link StreamSettings}); a 406 waits its
 * own longer wait; a refusal of the keys stops the stream for good. Every ready after a drop calls
 * {@link Protocol#ready} on the stream's own thread, so a slow back-fill does not hold up the socket.</li>
 * <li>Messages may come in fragments, text or binary: they are joined before the protocol sees them. A message the
 * protocol cannot read is counted, skipped and logged at most once a minute.</li>
 * </ul>
 */
final class AlpacaStreamConnection {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaStreamConnection.class);
    private static final Duration UNREADABLE_LOG_INTERVAL = Duration.ofMinutes(1);

    /** What is said on the socket. Calls come from one socket thread at a time, except {@link #ready}. */
    interface Protocol {

        /** The socket is open. */
        void opened(Session session);

        /**
         * One whole message (a binary one decoded as UTF-8).
         *
         * @throws UnreadableStreamMessage when it is not what the protocol documents: counted and skipped
         */
        void received(Session session, String message);

        /** Ready again: {@code first} at start-up, false after every reconnect. Runs on the stream's own thread. */
        void ready(boolean first);
    }

    private final String name;
    private final URI url;
    private final String urlSetting;
    private final StreamSettings settings;
    private final Protocol protocol;
    private final Clock clock;
    private final HttpClient http;
    private final IntervalFunction backoff;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Void> startup = new CompletableFuture<>();
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile Instant lastMessageAt;
    private volatile boolean closed;
    private boolean started;
    private Session current;
    private int failedAttempts;
    private ScheduledFuture<?> pendingReconnect;
    private Instant lastUnreadableLog;
    private long unreadableAtLastLog;

    /**
     * @param name       the stream's name in logs and status ({@code market-data}, {@code trade-updates})
     * @param urlSetting the setting an operator changes when {@code url} is wrong
     */
    AlpacaStreamConnection(String name, URI url, String urlSetting, StreamSettings settings, Protocol protocol, Clock clock) {
        this.name = name;
        this.url = url;
        this.urlSetting = urlSetting;
        this.settings = settings;
        this.protocol = protocol;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.backoff = settings.backoff();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "alpaca-" + name + "-stream");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Connects and waits until ready.
     *
     * @throws AlpacaStreamException when the keys are refused, the URL does not answer, another process holds the
     *                               stream (406), or nothing is ready within the start timeout; the stream is then closed
     */
    void start() {
        synchronized (this) {
            if (started || closed) {
                throw new IllegalStateException("the Alpaca " + name + " stream was already started");
            }
        }
        connect();
        try {
            startup.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof AlpacaStreamException refusal ? refusal
                    : new AlpacaStreamException("the Alpaca " + name + " stream failed to start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            close();
            throw new AlpacaStreamException(0, "The Alpaca " + name + " stream at " + url + " (" + urlSetting + ") was not ready within "
                    + settings.startTimeout().toSeconds() + " s" + lastProblem() + ": check " + urlSetting + " and the network.");
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new AlpacaStreamException("interrupted while the Alpaca " + name + " stream started", e);
        }
    }

    /** Stops for good: no reconnect after this. */
    void close() {
        Session session;
        synchronized (this) {
            closed = true;
            if (pendingReconnect != null) {
                pendingReconnect.cancel(false);
            }
            session = current;
        }
        if (session != null) {
            end(session, Ending.lost("closed by Catalyst"));
        }
        startup.completeExceptionally(new AlpacaStreamException(0, "the Alpaca " + name + " stream was closed before it was ready"));
        scheduler.shutdown();
    }

    boolean connected() {
        Session session = current;
        return session != null && session.ready && !session.ended;
    }

    Instant lastMessageAt() {
        return lastMessageAt;
    }

    long unreadableMessages() {
        return unreadable.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    synchronized List<String> problems() {
        return new ArrayList<>(problems.values());
    }

    /** Records a condition for the status, replacing an earlier one of the same {@code key}. */
    synchronized void problem(String key, String text) {
        problems.put(key, text);
    }

    synchronized void clearProblem(String key) {
        problems.remove(key);
    }

    /** Counts a skipped message and logs it, at most one line a minute. */
    void unreadable(String what) {
        long total = unreadable.incrementAndGet();
        Instant now = clock.instant();
        synchronized (this) {
            if (lastUnreadableLog != null && now.isBefore(lastUnreadableLog.plus(UNREADABLE_LOG_INTERVAL))) {
                return;
            }
            LOG.warn("Alpaca {} stream: skipped an unreadable message ({}); {} skipped so far, {} since the last such line"
                    + " (logged at most once a minute)", name, what, total, total - unreadableAtLastLog);
            lastUnreadableLog = now;
            unreadableAtLastLog = total;
        }
    }

    private String lastProblem() {
        List<String> known = problems();
        return known.isEmpty() ? "" : " (" + known.get(known.size() - 1) + ")";
    }

    private void connect() {
        Session session;
        synchronized (this) {
            if (closed) {
                return;
            }
            session = new Session();
            current = session;
        }
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout()).buildAsync(url, new Listener(session))
                // the handshake's own timeout covers a silent server too; this is the backstop
                .orTimeout(settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        end(session, Ending.lost("no connection: " + describe(error)));
                    }
                });
    }

    private void reconnectNow() {
        reconnects.incrementAndGet();
        connect();
    }

    private void markReady(Session session) {
        boolean first;
        synchronized (this) {
            if (closed || session.ended || session != current || session.ready) {
                return;
            }
            session.ready = true;
            failedAttempts = 0;
            first = !started;
            started = true;
            problems.remove(Ending.LOST);
            problems.remove(Ending.CONNECTION_LIMIT);
        }
        if (first) {
            LOG.info("Alpaca {} stream ready at {}", name, url);
            startup.complete(null);
        } else {
            LOG.info("Alpaca {} stream ready again at {} after {} reconnect attempt(s) in all", name, url, reconnects.get());
        }
        scheduler.execute(() -> {
            try {
                protocol.ready(first);
            } catch (RuntimeException e) {
                LOG.warn("Alpaca {} stream: the work after {} failed: {}", name, first ? "start-up" : "a reconnect", e.toString(), e);
            }
        });
    }

    /** This connection is over; what comes next depends on why, and on whether start-up is done. */
    private void end(Session session, Ending ending) {
        WebSocket socket;
        synchronized (this) {
            if (session.ended) {
                return;
            }
            session.ended = true;
            socket = session.socket;
        }
        if (socket != null) {
            // reply to the server's close, or say goodbye; either way the TCP connection goes
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                    .orTimeout(2, TimeUnit.SECONDS)
                    .whenComplete((ws, error) -> socket.abort());
        }
        synchronized (this) {
            if (closed || session != current) {
                return;
            }
            if (!started) {
                startup.completeExceptionally(startFailure(ending));
                return;
            }
            if (ending.refusal != null) {
                closed = true;
                problems.put(Ending.REFUSED, ending.refusal.getMessage());
                LOG.error("Alpaca {} stream stopped: {}", name, ending.refusal.getMessage());
                scheduler.shutdown();
                return;
            }
            Duration wait;
            if (ending.code == 406) {
                wait = settings.connectionLimitWait(() -> ThreadLocalRandom.current().nextDouble());
                problems.put(Ending.CONNECTION_LIMIT, ending.reason);
            } else {
                wait = Duration.ofMillis(backoff.apply(++failedAttempts));
                problems.put(Ending.LOST, "disconnected from " + url + ": " + ending.reason + " (reconnecting)");
            }
            LOG.warn("Alpaca {} stream lost ({}): reconnecting in {} ms", name, ending.reason, wait.toMillis());
            pendingReconnect = scheduler.schedule(this::reconnectNow, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private AlpacaStreamException startFailure(Ending ending) {
        if (ending.refusal != null) {
            return ending.refusal;
        }
        if (ending.code != 0) {
            return new AlpacaStreamException(ending.code, ending.reason + " (at start-up: not retried)");
        }
        return new AlpacaStreamException(0, "The Alpaca " + name + " stream at " + url + " (" + urlSetting + ") does not answer: "
                + ending.reason + lastProblem() + ". Check " + urlSetting + " and the network; nothing was retried.");
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time (" + cause.getClass().getSimpleName() + ")";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Why a connection ended: a drop (backoff), a code with its own policy (406), or a refusal (no reconnect). */
    private record Ending(String reason, int code, AlpacaStreamException refusal) {
        static final String LOST = "lost";
        static final String CONNECTION_LIMIT = "406";
        static final String REFUSED = "refused";

        static Ending lost(String reason) {
            return new Ending(reason, 0, null);
        }
    }

    /** One connection: what the protocol may do with it. A new one is made for every attempt. */
    final class Session {
        private volatile WebSocket socket;
        private volatile boolean ready;
        private volatile boolean ended;
        private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

        /** Sends one text message after those sent before it (the JDK's WebSocket allows one send at a time). */
        void send(String message) {
            WebSocket ws = socket;
            if (ws == null || ended) {
                return;
            }
            synchronized (this) {
                sends = sends.handle((r, e) -> null).thenCompose(x -> ws.sendText(message, true));
            }
        }

        /** Authenticated and subscribed (or listening): {@code start()} returns, or the reconnect is complete. */
        void ready() {
            markReady(this);
        }

        boolean isReady() {
            return ready && !ended;
        }

        boolean isOpen() {
            return socket != null && !ended;
        }

        /** Alpaca refused this client for good (wrong keys): no reconnect. */
        void refused(AlpacaStreamException refusal) {
            end(this, new Ending(refusal.getMessage(), refusal.code(), refusal));
        }

        /** Alpaca said another connection holds the account's stream: wait the 406 wait, then try again. */
        void connectionLimit(String reason) {
            end(this, new Ending(reason, 406, null));
        }

        /** This connection is of no more use (not authenticated, auth timeout): reconnect with the backoff. */
        void reconnect(String reason) {
            end(this, Ending.lost(reason));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final Session session;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Listener(Session session) {
            this.session = session;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            session.socket = webSocket;
            if (session.ended) {
                webSocket.abort(); // given up on before the handshake finished
                return;
            }
            protocol.opened(session);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                deliver(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                deliver(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end(session, Ending.lost("closed by the server (code " + statusCode + (reason.isBlank() ? "" : ", " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(session, Ending.lost(describe(error)));
        }

        private void deliver(String message) {
            if (session.ended) {
                return;
            }
            lastMessageAt = clock.instant();
            try {
                protocol.received(session, message);
            } catch (UnreadableStreamMessage e) {
                unreadable(e.getMessage());
            } catch (RuntimeException e) {
                // a failing receiver must not take the stream down with it
                LOG.warn("Alpaca {} stream: handling a message failed: {}", name, e.toString(), e);
            }
        }
    }
}
