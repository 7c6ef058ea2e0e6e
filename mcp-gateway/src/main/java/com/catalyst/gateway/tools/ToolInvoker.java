package com.catalyst.gateway.tools;

import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The SDK's tool handler: checks the arguments, sends them into the tool's route {@code direct:gateway-tool-<name>}
 * and maps the reply, or the failure, to a result. Failures become {@code isError} results with a message a model can
 * act on; no exception text that could hold internals reaches the client.
 */
public class ToolInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

    private final ProducerTemplate producer;
    private final ToolResults results;

    public ToolInvoker(ProducerTemplate producer, ToolResults results) {
        this.producer = producer;
        this.results = results;
    }

    public CallToolResult call(ToolDefinition tool, CallToolRequest request) {
        Map<String, Object> args;
        try {
            args = ArgumentChecker.check(tool.name(), tool.arguments(), request.arguments());
        } catch (ToolArgumentException e) {
            return results.error(e.getMessage(), Map.of());
        }
        if (!awaitRoutes()) {
            return results.error("Catalyst is still starting; try " + tool.name() + " again in a few seconds.", Map.of());
        }
        try {
            Object reply = producer.requestBody(tool.routeUri(), args);
            String refusal = bundleError(reply);
            if (refusal != null) {
                return results.error(tool.name() + " was refused: " + refusal, Map.of());
            }
            return results.success(tool, asMap(reply));
        } catch (CamelExecutionException e) {
            return failure(tool, e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return failure(tool, e);
        }
    }

    /**
     * Over stdio the client speaks as soon as the process starts, before the routes are up: a call then waits for
     * them (up to two minutes) instead of failing.
     */
    private boolean awaitRoutes() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (!producer.getCamelContext().isStarted()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private CallToolResult failure(ToolDefinition tool, Throwable cause) {
        if (cause instanceof ToolFailure failure) {
            return results.error(failure.getMessage(), failure.details());
        }
        if (cause instanceof ToolArgumentException argument) {
            return results.error(argument.getMessage(), Map.of());
        }
        if (cause instanceof DataAccessException) {
            LOG.warn("Tool {} failed: the database did not answer ({})", tool.name(), cause.getClass().getSimpleName());
            return results.error(tool.name() + " failed: the database is not available; try again shortly or check get_system_health.", Map.of());
        }
        LOG.warn("Tool {} failed: {}: {}", tool.name(), cause.getClass().getSimpleName(), cause.getMessage());
        return results.error(tool.name() + " failed inside Catalyst (" + cause.getClass().getSimpleName()
                + "); the failure is logged. Check get_system_health, then try again.", Map.of());
    }

    /**
     * A bundle route that failed in this process answers its error body ({@code {"error": …}}, as its REST endpoint
     * would) and the tool's route ends there: that text, written for a person, is the tool's error.
     */
    static String bundleError(Object reply) {
        String text = reply instanceof String s ? s : reply instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : null;
        if (text == null || !text.trim().startsWith("{")) {
            return null;
        }
        try {
            Object error = ERROR_JSON.readValue(text, Map.class).get("error");
            return error == null ? null : String.valueOf(error);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ERROR_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object reply) {
        if (reply instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("tool route answered " + (reply == null ? "nothing" : reply.getClass().getSimpleName()) + " instead of a map");
    }
}
