package com.catalyst.notify;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * A notification that failed after its retries, made into a dead_letters row (route notify-dead-letter): the channel
 * route, the channel, the error and the event as JSON (property notifyJson, not what the channel was sent), all
 * masked; counted in {@code catalyst_notify_dropped_total{reason="failed"}}.
 */
@Component("notifyDeadLetter")
public class NotifyDeadLetter {

    private final MeterRegistry meters;
    private final NotifySecrets secrets;

    public NotifyDeadLetter(MeterRegistry meters, NotifySecrets secrets) {
        this.meters = meters;
        this.secrets = secrets;
    }

    public void prepare(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String route = exchange.getFromRouteId();
        // the channel's own headers (a URL, a subject) stay out of the row: only these four are written
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader("deadLetterRoute", route);
        exchange.getMessage().setHeader("deadLetterEndpoint", route.replace("notify-", ""));
        exchange.getMessage().setHeader("deadLetterError", secrets.mask(failure == null ? "unknown"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        exchange.getMessage().setHeader("deadLetterBody", secrets.mask(exchange.getProperty("notifyJson", String.class)));
        NotifyDispatch.dropped(meters, route, "failed").increment();
    }
}
