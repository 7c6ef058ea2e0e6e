package com.catalyst.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.catalyst.trading.OrderIntent;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test only: the steps of the order path where OrderFaultIT kills the process. The bean exists only when
 * {@code catalyst.fault.pause-at} names a step, and the order path does not call it: it is a Camel
 * {@link InterceptStrategy} (Camel picks such beans up from the registry) that wraps the one step of
 * {@code trading-place-order} the setting names, found by its id, and passes every other step untouched. Then the
 * first order of a cycle (not a reconciliation re-run, which has no cycle) that reaches the step, of the side
 * {@code catalyst.fault.pause-side} names if it names one ({@code buy} or {@code sell}), logs
 * {@code FAULT-POINT <step> <client order id> <side>} and sleeps ({@code catalyst.fault.pause-for}, 10m), so that the
 * test can kill -9 the process right there.
 */
@Component
@ConditionalOnProperty(name = "catalyst.fault.pause-at")
public class FaultPoints implements InterceptStrategy {

    /** In the order they are passed: intent recorded; broker answered; order row updated; fill and position written. */
    public static final List<String> STEPS = List.of("before-send", "sent", "order-updated", "position-written");

    /** Each step is a pause just before the route step of this id (routes/trading.camel.yaml, trading-place-order). */
    static final Map<String, String> BEFORE_NODE = Map.of(
            "before-send", "order-send",
            "sent", "order-transition",
            "order-updated", "order-fill",
            "position-written", "position-publish");

    private static final Logger LOG = LoggerFactory.getLogger(FaultPoints.class);

    private final String pauseAt;
    private final String pauseSide;
    private final Duration pauseFor;
    final AtomicBoolean paused = new AtomicBoolean();

    public FaultPoints(@Value("${catalyst.fault.pause-at}") String pauseAt, @Value("${catalyst.fault.pause-side:}") String pauseSide,
                       @Value("${catalyst.fault.pause-for:10m}") Duration pauseFor) {
        this.pauseAt = pauseAt == null ? "" : pauseAt.trim();
        this.pauseSide = pauseSide == null || pauseSide.isBlank() ? null : pauseSide.trim();
        this.pauseFor = pauseFor;
        if (!STEPS.contains(this.pauseAt)) {
            throw new IllegalArgumentException("catalyst.fault.pause-at must be one of " + STEPS + ", got '" + pauseAt + "'");
        }
        if (this.pauseSide != null && !List.of("buy", "sell").contains(this.pauseSide)) {
            throw new IllegalArgumentException("catalyst.fault.pause-side must be buy or sell, got '" + pauseSide + "'");
        }
        LOG.warn("TEST ONLY: catalyst.fault.pause-at={} — the first {}order of a cycle to reach it will stop for {}", this.pauseAt,
                this.pauseSide == null ? "" : this.pauseSide + " ", pauseFor);
    }

    /** The id of the route step that {@code point} pauses just before. */
    public static String stepId(String point) {
        return BEFORE_NODE.get(point);
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        if (definition == null || !BEFORE_NODE.get(pauseAt).equals(definition.getId())) {
            return target;
        }
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                OrderIntent intent = exchange.getProperty("intent", OrderIntent.class);
                if (intent != null) {
                    pause(pauseAt, intent.clientOrderId(), intent.side().id(), exchange.getProperty("cycleId", String.class));
                }
                return super.process(exchange, callback);
            }
        };
    }

    /** Whether it paused at {@code step} for this order. */
    boolean pause(String step, String clientOrderId, String side, String cycleId) {
        if (cycleId == null || !pauseAt.equals(step) || (pauseSide != null && !pauseSide.equals(side)) || !paused.compareAndSet(false, true)) {
            return false;
        }
        LOG.warn("FAULT-POINT {} {} {}", step, clientOrderId, side);
        try {
            Thread.sleep(pauseFor.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
