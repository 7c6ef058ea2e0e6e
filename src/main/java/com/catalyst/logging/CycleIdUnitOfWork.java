package com.catalyst.logging;

import com.catalyst.workflow.CycleState;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.MDC;

/**
 * Camel's MDC unit of work, which also puts the cycle id back into the logging context from the exchange when a
 * thread has lost it. Camel carries custom MDC keys across threads, but after a split's first item the key is gone
 * for the items that follow; the exchange still knows its cycle (property {@code cycle} in the workflow,
 * {@code cycleId} in trading), so every line the cycle logs can carry it.
 */
class CycleIdUnitOfWork extends MDCUnitOfWork {

    static final String KEY = "cycleId";

    private final InflightRepository inflight;
    private final String pattern;
    private final boolean allowUseOriginalMessage;
    private final boolean useBreadcrumb;

    CycleIdUnitOfWork(Exchange exchange, InflightRepository inflight, String pattern, boolean allowUseOriginalMessage, boolean useBreadcrumb) {
        super(exchange, inflight, pattern, allowUseOriginalMessage, useBreadcrumb);
        this.inflight = inflight;
        this.pattern = pattern;
        this.allowUseOriginalMessage = allowUseOriginalMessage;
        this.useBreadcrumb = useBreadcrumb;
    }

    @Override
    public UnitOfWork newInstance(Exchange exchange) {
        // sub-exchanges (split, multicast, wire tap) get the same kind of unit of work
        return new CycleIdUnitOfWork(exchange, inflight, pattern, allowUseOriginalMessage, useBreadcrumb);
    }

    @Override
    public AsyncCallback beforeProcess(Processor processor, Exchange exchange, AsyncCallback callback) {
        if (MDC.get(KEY) == null) {
            String cycleId = cycleIdOf(exchange);
            if (cycleId != null) {
                MDC.put(KEY, cycleId);
            }
        }
        return super.beforeProcess(processor, exchange, callback);
    }

    static String cycleIdOf(Exchange exchange) {
        if (exchange.getProperty("cycle") instanceof CycleState state) {
            return state.cycleId;
        }
        return exchange.getProperty(KEY) instanceof String id && !id.isBlank() ? id : null;
    }
}
