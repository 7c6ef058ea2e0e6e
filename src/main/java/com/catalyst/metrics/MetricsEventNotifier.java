package com.catalyst.metrics;

import com.catalyst.workflow.CycleDesk.CycleAlreadyRunningException;
import com.catalyst.trading.OrderOutcome;
import com.catalyst.workflow.CycleSummary;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link TradingMetrics} and {@link PnlGauges} from what the routes already return, so no route names a
 * metric: the summary a cycle's {@code direct:workflow-run-cycle} answers, the outcome each
 * {@code direct:trading-place-order} answers, and the end of each {@code direct:reporting-cycle-report}.
 */
@Component
public class MetricsEventNotifier extends EventNotifierSupport {

    private final TradingMetrics metrics;
    private final ObjectProvider<PnlGauges> pnl;

    public MetricsEventNotifier(TradingMetrics metrics, ObjectProvider<PnlGauges> pnl) {
        this.metrics = metrics;
        this.pnl = pnl;
    }

    /**
     * Sent events, and the sending events before them: Camel 4.17 emits an {@code ExchangeSentEvent} only when some
     * notifier takes the {@code ExchangeSendingEvent} that starts its clock (found when Camel's own Micrometer exchange
     * notifier, which took every exchange event, was turned off: see docs/operations.md).
     */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof CamelEvent.ExchangeSendingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        Exchange exchange = sent.getExchange();
        Object body = exchange.getMessage().getBody();
        if (is(sent.getEndpoint(), "workflow-run-cycle")) {
            if (body instanceof CycleSummary summary) {
                metrics.cycleEnded(summary);
            } else if (exchange.getException(CycleAlreadyRunningException.class) == null) {
                // a refused second cycle is no cycle; anything else ended before the cycle had a record
                metrics.cycleNotStarted();
            }
        } else if (is(sent.getEndpoint(), "trading-place-order") && body instanceof OrderOutcome outcome) {
            metrics.orderEnded(outcome);
        } else if (is(sent.getEndpoint(), "reporting-cycle-report") && exchange.getException() == null) {
            pnl.ifAvailable(PnlGauges::refresh);
        }
    }

    /** direct:name, whichever way the URI was normalised. */
    private static boolean is(Endpoint endpoint, String name) {
        String uri = endpoint.getEndpointUri();
        return uri.equals("direct://" + name) || uri.equals("direct:" + name);
    }
}
