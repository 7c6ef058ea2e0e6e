package com.catalyst.notify;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.processor.ThrottlerRejectedExecutionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The error policy of a notification channel route ({@code notify-channel}), built-in or dropped into routes/: over
 * the channel's rate the event is dropped and counted; a failed send is retried with backoff, then handed to
 * {@code direct:notify-dead-letter} (routes/notify.camel.yaml, NotifyDeadLetter), which writes dead_letters, counts
 * and warns, never with a secret.
 */
@Component
public class NotifyErrorPolicy extends RouteConfigurationBuilder {

    static final String DEAD_LETTER = "direct:notify-dead-letter";

    private final int retries;
    private final long delayMs;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public NotifyErrorPolicy(@Value("${catalyst.notify.retries:3}") int retries, @Value("${catalyst.notify.retry-delay-ms:1000}") long delayMs,
                             io.micrometer.core.instrument.MeterRegistry meters) {
        this.retries = retries;
        this.delayMs = delayMs;
        this.meters = meters;
    }

    @Override
    public void configuration() {
        // a dead letter channel, not an onException: for a failed send of Telegram's asynchronous producer, Camel found no
        // route for an onException's handler ("Cannot determine current route") and the failure vanished without a trace
        routeConfiguration("notify-channel")
                .errorHandler(deadLetterChannel(DEAD_LETTER)
                        .maximumRedeliveries(retries).redeliveryDelay(delayMs).useExponentialBackOff().backOffMultiplier(2)
                        // Camel's own failure logs would print the exception's text, which may carry a URL with a secret
                        .logExhausted(false).logRetryAttempted(false).logStackTrace(false).logHandled(false).logNewException(false)
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG))
                // thrown at once by the throttle, on the channel's own thread: dropped, counted, not retried
                .onException(ThrottlerRejectedExecutionException.class).handled(true)
                    .process(e -> NotifyDispatch.dropped(meters, e.getFromRouteId(), "rate").increment())
                .end();
    }
}
