package com.catalyst.notify;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The error policy of a notification channel route ({@code notify-channel}), built-in or dropped into routes/: over
 * the channel's rate the event is dropped and counted; a failed send is retried with backoff, then written to
 * dead_letters (route, channel, masked error, the event as JSON) and counted. Never a secret in either.
 */
@Component
public class NotifyErrorPolicy extends RouteConfigurationBuilder {

    private final int retries;
    private final long delayMs;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final NotifySecrets secrets;

    public NotifyErrorPolicy(@Value("${catalyst.notify.retries:3}") int retries, @Value("${catalyst.notify.retry-delay-ms:1000}") long delayMs,
                             io.micrometer.core.instrument.MeterRegistry meters, NotifySecrets secrets) {
        this.retries = retries;
        this.delayMs = delayMs;
        this.meters = meters;
        this.secrets = secrets;
    }

    @Override
    public void configuration() {
        routeConfiguration("notify-channel")
                .onException(ThrottlerRejectedExecutionException.class).handled(true)
                    .process(e -> NotifyDispatch.dropped(meters, e.getFromRouteId(), "rate").increment())
                .end()
                .onException(Exception.class).handled(true)
                    .maximumRedeliveries(retries).redeliveryDelay(delayMs).useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhausted(false).logRetryAttempted(false)
                    .process(this::deadLetter)
                    .log(LoggingLevel.WARN, "Notification not delivered by ${header.deadLetterRoute}: ${header.deadLetterError}")
                    .to("sql:insert into dead_letters (route_id, endpoint, exception, body) values (:#deadLetterRoute, :#deadLetterEndpoint, :#deadLetterError, :#deadLetterBody)")
                .end();
    }

    /** The dead letter's fields, masked: the event as JSON (property notifyJson), not what the channel was sent. */
    private void deadLetter(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String route = exchange.getFromRouteId();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader("deadLetterRoute", route);
        exchange.getMessage().setHeader("deadLetterEndpoint", route.replace("notify-", ""));
        exchange.getMessage().setHeader("deadLetterError", secrets.mask(failure == null ? "unknown"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        exchange.getMessage().setHeader("deadLetterBody", secrets.mask(exchange.getProperty("notifyJson", String.class)));
        NotifyDispatch.dropped(meters, route, "failed").increment();
    }
}
