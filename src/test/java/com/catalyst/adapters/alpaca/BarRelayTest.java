package com.catalyst.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.market.Bar;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The holder's bars reach the others' stores through the relay's messages, exactly as the stream gave them. */
class BarRelayTest {

    final ObjectMapper json = new ObjectMapper();
    final Recorder holder = new Recorder();
    final Recorder other = new Recorder();
    CamelContext camel;
    MockEndpoint published;
    BarRelay relay;

    @BeforeEach
    void camel() throws Exception {
        camel = new DefaultCamelContext();
        // stands for the Redis publish route: what it is given is what another process's listener would receive
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redis-publish").to("mock:published");
            }
        });
        camel.start();
        published = camel.getEndpoint("mock:published", MockEndpoint.class);
        relay = new BarRelay(json, camel.createProducerTemplate());
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aStreamedBarFeedsTheHolderAndReachesAnotherStoreUnchanged() throws Exception {
        Bar bar = new Bar(Instant.parse("2026-01-06T16:01:00Z"), 201.37, 201.5, 201.3, 201.44, 4937);
        published.expectedMessageCount(2);
        published.expectedHeaderReceived("CamelRedis.Channel", BarRelay.CHANNEL);

        LiveBars sink = relay.publishing(holder);
        sink.onBar("CZIY", bar, true);
        sink.onReconnected();

        published.assertIsSatisfied();
        assertThat(holder.bars).containsExactly("CZIY " + bar + " updated=true");
        assertThat(holder.reconnects).isEqualTo(1);
        for (var exchange : published.getExchanges()) {
            relay.deliver(exchange.getIn().getHeader("CamelRedis.Message", String.class), other);
        }
        assertThat(other.bars).containsExactly("CZIY " + bar + " updated=true");
        assertThat(other.reconnects).as("every store back-fills after the holder's reconnect").isEqualTo(1);
    }

    @Test
    void aMessageThatIsNotARelayedBarIsDroppedAndChangesNothing() {
        assertThatCode(() -> {
            relay.deliver("not json", other);
            relay.deliver("{\"symbol\":\"CZIY\",\"end\":\"yesterday\",\"v\":1}", other);
            relay.deliver("{\"symbol\":\"CZIY\"}", other);
            relay.deliver("{\"event\":\"something else\"}", other);
        }).doesNotThrowAnyException();

        assertThat(other.bars).isEmpty();
        assertThat(other.reconnects).isZero();
    }

    static final class Recorder implements LiveBars {
        final List<String> bars = new ArrayList<>();
        int reconnects;

        @Override
        public void onBar(String symbol, Bar bar, boolean updated) {
            bars.add(symbol + " " + bar + " updated=" + updated);
        }

        @Override
        public void onReconnected() {
            reconnects++;
        }
    }
}
