package com.catalyst.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/**
 * Listens to the broker's circuit breakers (the circuitBreaker steps of routes/trading.camel.yaml) and emits
 * broker_circuit_open when one opens: the routes stay as they are, the breaker itself says when.
 */
public class BrokerBreakerWatch {

    private final Notifications notifications;

    public BrokerBreakerWatch(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Subscribes to every breaker of the trading routes; answers how many it found. */
    public int watch(CamelContext camel) {
        int found = 0;
        for (Route route : camel.getRoutes()) {
            if (!route.getRouteId().startsWith("trading-")) {
                continue;
            }
            for (ResilienceProcessor breaker : breakers(route.navigate(), new ArrayList<>())) {
                CircuitBreaker cb = breaker.getCircuitBreaker();
                if (cb != null) {
                    String routeId = route.getRouteId();
                    cb.getEventPublisher().onStateTransition(e -> {
                        if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                            notifications.emit(NotifyEvent.of("broker_circuit_open", null, Map.of("route", routeId,
                                    "failure_rate", cb.getMetrics().getFailureRate(), "message", "orders are not sent while it is open")));
                        }
                    });
                    found++;
                }
            }
        }
        return found;
    }

    private static List<ResilienceProcessor> breakers(Navigate<Processor> node, List<ResilienceProcessor> out) {
        if (node == null || node.next() == null) {
            return out;
        }
        for (Processor p : node.next()) {
            if (p instanceof ResilienceProcessor r) {
                out.add(r);
            } else if (p instanceof Navigate<?> n) {
                @SuppressWarnings("unchecked")
                Navigate<Processor> child = (Navigate<Processor>) n;
                breakers(child, out);
            }
        }
        return out;
    }
}
