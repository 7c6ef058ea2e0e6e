package com.catalyst.adapters.alpaca;

import java.time.Instant;
import java.util.Map;

import com.catalyst.market.Bar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes the stream's bars from the process that holds Alpaca's one connection to every other process of the
 * deployment, on the Redis channel {@value #CHANNEL}: one JSON message a bar ({@code symbol}, {@code end}, OHLCV,
 * {@code updated}) and one {@code {"event":"reconnected"}} after each reconnect, so that every store back-fills the
 * minutes the drop cost. Publishing goes through {@code direct:redis-publish}, which skips at once while Redis is
 * down: the holder keeps trading on its own bars, the others see their data age and stop entries (MarketDataGuard).
 */
public final class BarRelay {

    public static final String CHANNEL = "catalyst:bars";
    private static final Logger LOG = LoggerFactory.getLogger(BarRelay.class);

    private final ObjectMapper json;
    private final ProducerTemplate producer;

    public BarRelay(ObjectMapper json, ProducerTemplate producer) {
        this.json = json;
        this.producer = producer;
    }

    /** The stream's sink in the holder: the local store first, then the others through Redis. */
    public LiveBars publishing(LiveBars local) {
        return new LiveBars() {
            @Override
            public void onBar(String symbol, Bar bar, boolean updated) {
                local.onBar(symbol, bar, updated);
                publish(Map.of("symbol", symbol, "end", bar.time().toString(), "o", bar.open(), "h", bar.high(), "l", bar.low(),
                        "c", bar.close(), "v", bar.volume(), "updated", updated));
            }

            @Override
            public void onReconnected() {
                local.onReconnected();
                publish(Map.of("event", "reconnected"));
            }
        };
    }

    /** One relayed message into the local store; a message that is not one of ours is logged and dropped. */
    public void deliver(String message, LiveBars local) {
        try {
            JsonNode node = json.readTree(message);
            if ("reconnected".equals(node.path("event").asText())) {
                local.onReconnected();
                return;
            }
            String symbol = node.path("symbol").asText(null);
            if (symbol == null || !node.path("end").isTextual() || !node.path("v").canConvertToLong()) {
                throw new IllegalArgumentException("not a relayed bar");
            }
            Bar bar = new Bar(Instant.parse(node.path("end").asText()), node.path("o").asDouble(), node.path("h").asDouble(),
                    node.path("l").asDouble(), node.path("c").asDouble(), node.path("v").asLong());
            local.onBar(symbol, bar, node.path("updated").asBoolean(false));
        } catch (Exception e) {
            LOG.warn("Dropped a message on {} that is not a relayed bar: {}", CHANNEL, e.getMessage());
        }
    }

    private void publish(Map<String, Object> message) {
        try {
            producer.sendBodyAndHeaders("direct:redis-publish", null,
                    Map.of("CamelRedis.Channel", CHANNEL, "CamelRedis.Message", json.writeValueAsString(message)));
        } catch (Exception e) {
            LOG.debug("Bar not relayed: {}", e.getMessage());
        }
    }
}
