package com.catalyst.adapters.alpaca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * A WebSocket server on 127.0.0.1 (random port) that speaks both Alpaca stream protocols (REFERENCE.md 4.10 at
 * {@code /v2/<feed>}, 4.11 at {@code /stream}) and that a test scripts: refuse the keys, answer 406 to every connection,
 * 405 or 409 to a subscribe, drop every connection, push bars, garbage, fragments and binary frames. It records every
 * connection (with its time) and every message a client sent.
 * <p>
 * Embedded Tomcat's JSR 356 server ({@code tomcat-embed-websocket}, already on the classpath through
 * spring-boot-starter-web): no new dependency.
 */
public final class AlpacaStreamStub implements AutoCloseable {

    public static final String KEY = "PKSTREAMTESTKEY";
    public static final String SECRET = "stream-s3cr3t-never-shown";

    /** One accepted WebSocket connection: when ({@link System#nanoTime()}) and on which path. */
    record Connection(long nanos, String path) {
    }

    /** One message a client sent, on the {@code connection}-th connection (0-based). */
    public record Received(int connection, String path, JsonNode message) {
        String action() {
            return message.path("action").asText();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Tomcat tomcat;
    private final int port;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Session> open = new CopyOnWriteArrayList<>();

    volatile boolean connectionLimit;
    /** As Alpaca: one market-data connection an account; a second that authenticates while one is open gets 406. */
    volatile boolean oneConnectionPerAccount;
    private final Set<Session> marketAuthenticated = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile int symbolLimit = Integer.MAX_VALUE;
    volatile boolean insufficientSubscription;
    /** The trading stream's frames are binary, as on the paper host. */
    volatile boolean binaryTradeFrames = true;

    private AlpacaStreamStub() {
        try {
            tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("alpaca-stream-stub").toString());
            Connector connector = new Connector("HTTP/1.1");
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", null);
            context.addServletContainerInitializer(new WsSci(), null);
            // requests must map to a servlet for the WebSocket upgrade filter to see them
            Tomcat.addServlet(context, "default", new HttpServlet() { });
            context.addServletMappingDecoded("/", "default");
            tomcat.start();
            port = connector.getLocalPort();
            ServerContainer container = (ServerContainer) context.getServletContext().getAttribute(ServerContainer.class.getName());
            ServerEndpointConfig.Configurator configurator = new ServerEndpointConfig.Configurator() {
                @Override
                public <T> T getEndpointInstance(Class<T> endpointClass) {
                    return endpointClass.cast(new StubEndpoint());
                }
            };
            container.addEndpoint(ServerEndpointConfig.Builder.create(StubEndpoint.class, "/v2/{feed}").configurator(configurator).build());
            container.addEndpoint(ServerEndpointConfig.Builder.create(StubEndpoint.class, "/stream").configurator(configurator).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException | jakarta.websocket.DeploymentException e) {
            throw new IllegalStateException("the stream stub did not start", e);
        }
    }

    public static AlpacaStreamStub start() {
        return new AlpacaStreamStub();
    }

    /** From now on, as Alpaca: a second market-data connection of the account that authenticates while one is open gets 406. */
    public AlpacaStreamStub oneConnectionPerAccount() {
        oneConnectionPerAccount = true;
        return this;
    }

    /** Market-data connections authenticated and still open. */
    public int openMarketConnections() {
        return marketAuthenticated.size();
    }

    public URI marketUrl() {
        return URI.create("ws://127.0.0.1:" + port + "/v2/iex");
    }

    /** The trading API's base URL: the trade updates stream is at its {@code /stream}. */
    public URI tradingBaseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    List<Connection> connections() {
        return List.copyOf(connections);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String action) {
        return received.stream().filter(r -> r.action().equals(action)).toList();
    }

    int openSessions() {
        return open.size();
    }

    /** Sends one whole text message to every open connection. */
    public void send(String message) {
        for (Session session : open) {
            synchronized (session) {
                try {
                    session.getBasicRemote().sendText(message);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Sends one message in {@code parts} text frames (continuation frames), to every open connection. */
    void sendFragmented(String message, int parts) {
        int size = (message.length() + parts - 1) / parts;
        for (Session session : open) {
            synchronized (session) {
                try {
                    for (int start = 0; start < message.length(); start += size) {
                        int end = Math.min(message.length(), start + size);
                        session.getBasicRemote().sendText(message.substring(start, end), end == message.length());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Sends one message as a binary frame (UTF-8), to every open connection. */
    public void sendBinary(String message) {
        for (Session session : open) {
            sendBinary(session, message);
        }
    }

    /** Drops every open connection, as Alpaca does when it restarts a server. */
    void dropAll() {
        for (Session session : open) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "stub drop"));
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A market-data message: a JSON array of the entries. */
    public static String message(String... entries) {
        return "[" + String.join(",", entries) + "]";
    }

    /** A minute bar entry ({@code T=b}, or {@code T=u} when updated) stamped with its start as Alpaca does. */
    public static String bar(String symbol, String start, double close, boolean updated) {
        return String.format(Locale.ROOT, "{\"T\":\"%s\",\"S\":\"%s\",\"o\":%.2f,\"h\":%.2f,\"l\":%.2f,\"c\":%.2f,\"v\":4937,"
                + "\"n\":46,\"vw\":%.4f,\"t\":\"%s\"}", updated ? "u" : "b", symbol, close - 0.05, close + 0.10, close - 0.10,
                close, close, start);
    }

    /** A {@code trade_updates} event as Alpaca documents it (prices and quantities as strings). */
    public static String tradeUpdate(String event, String clientOrderId, String symbol, String price, String qty, String positionQty) {
        return """
                {"stream":"trade_updates","data":{"event":"%s","execution_id":"e-%s","order":{"id":"a-%s","client_order_id":"%s",\
                "symbol":"%s","side":"buy","status":"filled","qty":"%s","filled_qty":"%s","type":"limit"},\
                "price":"%s","qty":"%s","position_qty":"%s","timestamp":"2026-12-07T15:31:02.123456Z"}}"""
                .formatted(event, clientOrderId, clientOrderId, clientOrderId, symbol, qty, qty, price, qty, positionQty);
    }

    private void sendText(Session session, String message) {
        synchronized (session) {
            try {
                session.getBasicRemote().sendText(message);
            } catch (IOException e) {
                // the client went away: nothing to tell it
            }
        }
    }

    private void sendBinary(Session session, String message) {
        synchronized (session) {
            try {
                session.getBasicRemote().sendBinary(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // the client went away
            }
        }
    }

    private void closeSoon(Session session) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "stub refusal"));
        } catch (IOException e) {
            // already gone
        }
    }

    private static String error(int code, String msg) {
        return "[{\"T\":\"error\",\"code\":" + code + ",\"msg\":\"" + msg + "\"}]";
    }

    /** One connection, either protocol (by path). */
    public final class StubEndpoint extends Endpoint {
        private int index;
        private String path;
        private boolean authenticated;
        private final Set<String> bars = new TreeSet<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            path = session.getRequestURI().getPath();
            synchronized (connections) {
                index = connections.size();
                connections.add(new Connection(System.nanoTime(), path));
            }
            open.add(session);
            session.addMessageHandler(new MessageHandler.Whole<String>() {
                @Override
                public void onMessage(String text) {
                    handle(session, text);
                }
            });
            if (path.startsWith("/v2/")) {
                if (connectionLimit) {
                    sendText(session, error(406, "connection limit exceeded"));
                    closeSoon(session);
                } else {
                    sendText(session, "[{\"T\":\"success\",\"msg\":\"connected\"}]");
                }
            }
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            open.remove(session);
            marketAuthenticated.remove(session);
        }

        @Override
        public void onError(Session session, Throwable thr) {
            open.remove(session);
            marketAuthenticated.remove(session);
        }

        private void handle(Session session, String text) {
            JsonNode message;
            try {
                message = json.readTree(text);
            } catch (IOException e) {
                sendText(session, error(400, "invalid syntax"));
                return;
            }
            received.add(new Received(index, path, message));
            if (path.equals("/stream")) {
                trading(session, message);
            } else {
                market(session, message);
            }
        }

        private void market(Session session, JsonNode message) {
            switch (message.path("action").asText()) {
                case "auth" -> {
                    if (KEY.equals(message.path("key").asText()) && SECRET.equals(message.path("secret").asText())) {
                        synchronized (marketAuthenticated) {
                            if (oneConnectionPerAccount && !marketAuthenticated.isEmpty()) {
                                sendText(session, error(406, "connection limit exceeded"));
                                closeSoon(session);
                                return;
                            }
                            marketAuthenticated.add(session);
                        }
                        authenticated = true;
                        sendText(session, "[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
                    } else {
                        sendText(session, error(402, "auth failed"));
                        closeSoon(session);
                    }
                }
                case "subscribe", "unsubscribe" -> {
                    if (!authenticated) {
                        sendText(session, error(401, "not authenticated"));
                        return;
                    }
                    if (insufficientSubscription) {
                        sendText(session, error(409, "insufficient subscription"));
                        return;
                    }
                    Set<String> next = new TreeSet<>(bars);
                    message.path("bars").forEach(s -> {
                        if (message.path("action").asText().equals("subscribe")) {
                            next.add(s.asText());
                        } else {
                            next.remove(s.asText());
                        }
                    });
                    if (next.size() > symbolLimit) {
                        sendText(session, error(405, "symbol limit exceeded"));
                        return;
                    }
                    bars.clear();
                    bars.addAll(next);
                    ObjectNode answer = json.createObjectNode().put("T", "subscription");
                    ArrayNode list = answer.putArray("bars");
                    bars.forEach(list::add);
                    answer.putArray("updatedBars").addAll(list);
                    answer.putArray("trades");
                    answer.putArray("quotes");
                    sendText(session, "[" + answer + "]");
                }
                default -> sendText(session, error(400, "invalid syntax"));
            }
        }

        private void trading(Session session, JsonNode message) {
            switch (message.path("action").asText()) {
                case "authenticate" -> {
                    JsonNode data = message.path("data");
                    boolean ok = KEY.equals(data.path("key_id").asText()) && SECRET.equals(data.path("secret_key").asText());
                    reply(session, "{\"stream\":\"authorization\",\"data\":{\"status\":\"" + (ok ? "authorized" : "unauthorized")
                            + "\",\"action\":\"authenticate\"}}");
                    if (!ok) {
                        closeSoon(session);
                    }
                }
                case "listen" -> {
                    List<String> streams = new ArrayList<>();
                    message.path("data").path("streams").forEach(s -> streams.add("\"" + s.asText() + "\""));
                    reply(session, "{\"stream\":\"listening\",\"data\":{\"streams\":[" + String.join(",", streams) + "]}}");
                }
                default -> reply(session, "{\"stream\":\"error\",\"data\":{\"error\":\"unknown action\"}}");
            }
        }

        private void reply(Session session, String message) {
            if (binaryTradeFrames) {
                sendBinary(session, message);
            } else {
                sendText(session, message);
            }
        }
    }
}
