package com.catalyst.gateway.routes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import com.catalyst.gateway.tools.ToolFailure;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

/**
 * Reads what a bundle's API route answered, the same contract its REST endpoint has: JSON, and on failure a status
 * ({@code CamelHttpResponseCode}) with {@code {"error": …}}. A failure becomes a {@link ToolFailure} carrying that
 * error text, which the bundles already write for a person to act on.
 */
public class BackendReplies {

    public static final String ALLOWED_STATUSES = "CatalystGatewayAllowedStatuses";

    private final ObjectMapper json;
    public BackendReplies(ObjectMapper json) {
        this.json = json;
    }

    /** The parsed body; throws a ToolFailure for an error status. */
    public Object reply(Exchange exchange) {
        int status = status(exchange);
        Object body = parse(exchange);
        if (status >= 400) {
            String error = body instanceof Map<?, ?> map && map.get("error") != null ? String.valueOf(map.get("error")) : "HTTP " + status;
            throw new ToolFailure(error);
        }
        return body;
    }

    /** Like {@link #reply} but an answer with one of {@code allowed} statuses (e.g. 404: none yet) gives null. */
    public Object replyOrNull(Exchange exchange, Set<Integer> allowed) {
        return allowed.contains(status(exchange)) ? null : reply(exchange);
    }

    /** The parsed body whatever the status (for health, where 503 is still an answer). */
    public Object parse(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        try {
            if (body == null) {
                return null;
            }
            if (body instanceof byte[] bytes) {
                return json.readValue(bytes, Object.class);
            }
            if (body instanceof InputStream in) {
                return json.readValue(in, Object.class);
            }
            if (body instanceof String text) {
                return json.readValue(text, Object.class);
            }
            return json.convertValue(body, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("a bundle answered something that is not JSON", e);
        }
    }

    private static int status(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null ? 200 : status;
    }
}
