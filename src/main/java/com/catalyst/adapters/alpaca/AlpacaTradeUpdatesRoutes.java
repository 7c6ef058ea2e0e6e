package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fills pushed: in the process that trades on Alpaca, the {@code trade_updates} stream wakes the order sync as soon as
 * Alpaca reports a fill, a cancel or an expiry, instead of at the next cycle's manage step. The stream replays
 * nothing, so the sync also runs after every (re)connect; and the REST sync stays the record's one source of truth:
 * an update only says "look now". Updates are coalesced on {@code seda:trading-order-updates} (one sync waiting at
 * most), so a burst of partial fills costs one REST pass, under the shared rate limiter.
 */
@Component
@ConditionalOnExpression("'${catalyst.broker.adapter:paper}' == 'alpaca' and ${catalyst.bundle.trading.enabled:true}")
public class AlpacaTradeUpdatesRoutes extends RouteBuilder {

    static final String QUEUE = "seda:trading-order-updates?size=1&discardWhenFull=true";
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaTradeUpdatesRoutes.class);
    /** How long after a failed start the stream is tried again; the REST sync covers the gap. */
    private static final long RETRY_SECONDS = 60;

    private final AlpacaBrokerProperties props;
    private final Environment env;
    private final URI streamOverride;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpaca-trade-updates-start");
        t.setDaemon(true);
        return t;
    });
    private volatile AlpacaTradeUpdates stream;
    private volatile boolean closed;

    public AlpacaTradeUpdatesRoutes(AlpacaBrokerProperties props, Environment env,
                                    @Value("${catalyst.broker.alpaca.stream-url:}") String streamOverride) {
        this.props = props;
        this.env = env;
        this.streamOverride = streamOverride.isBlank() ? null : URI.create(streamOverride);
    }

    @Override
    public void configure() {
        from(QUEUE).routeId("trading-order-updates")
                .bean("orderSyncDesk", "sync")
                .log(org.apache.camel.LoggingLevel.DEBUG, "Order sync after a trade update: ${body} orders changed");
    }

    /** After start-up reconciliation: the stream only speeds the sync up, so it must not hold the start. */
    @EventListener(ApplicationReadyEvent.class)
    public void startStream() {
        ProducerTemplate producer = getContext().createProducerTemplate();
        Runnable wake = () -> producer.sendBody(QUEUE, "trade-update");
        URI base = AlpacaTradingMode.resolve(props.mode(), props.liveConfirm(), props.url()).baseUrl();
        AlpacaTradeUpdates updates = streamOverride == null
                ? new AlpacaTradeUpdates(base, env.getProperty("ALPACA_API_KEY"), env.getProperty("ALPACA_SECRET_KEY"),
                        update -> wake.run(), wake, StreamSettings.defaults())
                : AlpacaTradeUpdates.at(streamOverride, env.getProperty("ALPACA_API_KEY"), env.getProperty("ALPACA_SECRET_KEY"),
                        update -> wake.run(), wake, StreamSettings.defaults());
        tryStart(updates);
    }

    private void tryStart(AlpacaTradeUpdates updates) {
        if (closed) {
            return;
        }
        try {
            updates.start();
            stream = updates;
            LOG.info("Alpaca trade updates: listening; fills wake the order sync as they happen");
        } catch (RuntimeException e) {
            LOG.warn("Alpaca trade updates stream did not start ({}); the order sync runs each cycle meanwhile, next try in {} s",
                    e.getMessage(), RETRY_SECONDS);
            retries.schedule(() -> tryStart(updates), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    public void stop() {
        closed = true;
        retries.shutdownNow();
        AlpacaTradeUpdates s = stream;
        if (s != null) {
            s.close();
        }
    }
}
