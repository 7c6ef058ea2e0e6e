package com.catalyst.routing;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The error policies every route picks by id, Java and YAML alike (a developer's YAML route included):
 * {@code rest-api} turns failures into JSON answers with the right status and never a stack trace;
 * {@code internal} hands failures back to the caller untouched;
 * {@code bundle-call} retries transient faults of a call to another bundle with exponential backoff and jitter.
 */
@Component
public class ErrorPolicies extends RouteConfigurationBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPolicies.class);

    static void logFault(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status >= 500 && status != 502 && status != 503) {
            LOG.error("Request failed on route {} (answered {})", exchange.getFromRouteId(), status,
                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        }
    }

    @Override
    public void configuration() {
        routeConfiguration("rest-api")
                .onException(Exception.class).handled(true)
                    .log(org.apache.camel.LoggingLevel.WARN, "Request refused: ${exception.class.simpleName}: ${exception.message}")
                    .removeHeaders("*")
                    .setHeader("CamelHttpResponseCode", method(ErrorBodies.class, "status(${exception})"))
                    .setHeader("Content-Type", constant("application/json"))
                    .process(e -> ErrorPolicies.retryAfter(e))
                    .setBody(method(ErrorBodies.class, "of(${exception})"))
                    // a 500 is a fault of ours: its body says the log has the details, so the log gets the stack trace
                    .process(ErrorPolicies::logFault)
                .end();

        // a bundle's own routes let failures travel to whoever called them: the REST policy or the cycle's doTry
        routeConfiguration("internal").errorHandler(noErrorHandler());

        routeConfiguration("bundle-call")
                .onException(ConnectException.class, SocketTimeoutException.class, HttpHostConnectException.class,
                        org.apache.hc.core5.http.NoHttpResponseException.class)
                    .maximumRedeliveries(3).redeliveryDelay(200).useExponentialBackOff().backOffMultiplier(2).useCollisionAvoidance()
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .end()
                .onException(HttpOperationFailedException.class)
                    .onWhen(simple("${exception.statusCode} >= 500 || ${exception.statusCode} == 429"))
                    .maximumRedeliveries(3).redeliveryDelay(200).useExponentialBackOff().backOffMultiplier(2).useCollisionAvoidance()
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .end();
    }

    /** A refusal for capacity (429) tells the client when to come back. */
    private static void retryAfter(org.apache.camel.Exchange exchange) {
        String seconds = ErrorBodies.retryAfter(exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (seconds != null) {
            exchange.getMessage().setHeader("Retry-After", seconds);
        }
    }
}
