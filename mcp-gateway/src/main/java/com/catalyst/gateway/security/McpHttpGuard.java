package com.catalyst.gateway.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.catalyst.security.ApiKeyCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Everything /mcp checks before the MCP transport sees a request, after Spring Security has checked the bearer key
 * (docs/security.md), in this order: Origin (403, also checked for every path by the security chain), rate limit (429 with Retry-After), protocol version header, Accept, body size (413) and JSON-RPC shape
 * (-32700 parse error, -32600 invalid request). Every refusal is a JSON-RPC error body, never a stack trace. A request
 * from a client that accepts JSON is answered with one JSON body rather than an SSE stream ({@link SingleJsonAnswer}).
 */
public class McpHttpGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(McpHttpGuard.class);
    private static final Set<String> PROTOCOL_VERSIONS = Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
    /** Methods the transport cannot answer without this string parameter (it would fail after the response began). */
    private static final Map<String, String> REQUIRED_PARAM = Map.of("tools/call", "name", "resources/read", "uri",
            "prompts/get", "name", "resources/subscribe", "uri", "resources/unsubscribe", "uri", "logging/setLevel", "level");
    private static final String BOTH = "application/json, text/event-stream";

    private final ServerTransportSecurityValidator originCheck;
    private final RateLimiter rateLimiter;
    private final int maxRequestBytes;
    private final McpJsonMapper mcpJson;
    private final ObjectMapper json = new ObjectMapper();

    public McpHttpGuard(ServerTransportSecurityValidator originCheck, RateLimiter rateLimiter, int maxRequestBytes, McpJsonMapper mcpJson) {
        this.originCheck = originCheck;
        this.rateLimiter = rateLimiter;
        this.maxRequestBytes = maxRequestBytes;
        this.mcpJson = mcpJson;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            guard(request, response, chain);
        } catch (IOException | RuntimeException | ServletException e) {
            // a failure below the guard is reported by class only: its message may carry request content
            LOG.warn("MCP request failed in the transport: {}", e.getClass().getSimpleName());
            JsonRpcErrors.write(response, 400, JsonRpcErrors.INVALID_REQUEST, "The request could not be processed");
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            originCheck.validateHeaders(headers(request));
        } catch (ServerTransportSecurityException e) {
            JsonRpcErrors.write(response, e.getStatusCode(), JsonRpcErrors.FORBIDDEN, "Origin not allowed");
            return;
        }
        // the key was checked by the security chain: a caller with a key is limited by its key, one without by its address
        String keyIdentity = ApiKeyCheck.identity(request.getHeader("Authorization"));
        String identity = keyIdentity != null ? keyIdentity : "ip:" + request.getRemoteAddr();
        long retryAfter = rateLimiter.acquire(identity);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            JsonRpcErrors.write(response, 429, JsonRpcErrors.RATE_LIMITED, "Rate limit exceeded: retry after " + retryAfter + " s");
            return;
        }
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !PROTOCOL_VERSIONS.contains(version.trim())) {
            JsonRpcErrors.write(response, 400, JsonRpcErrors.INVALID_REQUEST,
                    "Unsupported MCP-Protocol-Version; supported: 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05");
            return;
        }
        String accept = effectiveAccept(request);
        if (accept == null) {
            JsonRpcErrors.write(response, 406, JsonRpcErrors.INVALID_REQUEST,
                    "Accept must list both application/json and text/event-stream (MCP Streamable HTTP)");
            return;
        }
        byte[] body = new byte[0];
        if ("POST".equals(request.getMethod())) {
            body = readBody(request.getInputStream());
            if (body == null) {
                JsonRpcErrors.write(response, 413, JsonRpcErrors.INVALID_REQUEST, "Request body larger than " + maxRequestBytes + " bytes");
                return;
            }
            String problem = jsonRpcProblem(body);
            if (problem != null) {
                int code = problem.startsWith("Parse error") ? JsonRpcErrors.PARSE_ERROR : JsonRpcErrors.INVALID_REQUEST;
                JsonRpcErrors.write(response, 400, code, problem);
                return;
            }
        }
        JsonErrorResponse errors = new JsonErrorResponse(response);
        if (body.length > 0 && acceptsJson(request)) {
            chain.doFilter(new CachedBodyRequest(request, body, accept), new SingleJsonAnswer(errors, mcpJson));
        } else {
            chain.doFilter(new CachedBodyRequest(request, body, accept), errors);
        }
        errors.finish(body.length > 0 && isClientResponse(body));
    }

    /**
     * The Accept the transport will see (it requires both types on a POST): a missing or wildcard Accept takes both, and
     * so does a POST that lists only SSE (it gets its answer as SSE); a POST that lists only JSON is refused (406),
     * since an answer that carries notifications before the result can only be a stream.
     */
    static String effectiveAccept(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || accept.contains("*/*")) {
            return BOTH;
        }
        boolean sse = accept.contains("text/event-stream");
        if ("GET".equals(request.getMethod())) {
            return sse ? accept : null;
        }
        if ("DELETE".equals(request.getMethod())) {
            return accept;
        }
        return sse ? BOTH : null;
    }

    /** Whether a POST's answer may be one JSON body: the client listed application/json, or any type. */
    static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.isBlank() || accept.contains("*/*") || accept.contains("application/json");
    }

    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > maxRequestBytes) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** Null when the body is one well-formed JSON-RPC 2.0 message; otherwise what is wrong with it. */
    String jsonRpcProblem(byte[] body) {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JsonProcessingException e) {
            return "Parse error: the body is not valid JSON";
        } catch (IOException e) {
            return "Parse error: the body could not be read";
        }
        if (message == null || message.isMissingNode()) {
            return "Parse error: empty body";
        }
        if (message.isArray()) {
            return "Invalid request: JSON-RPC batches are not supported; send one message per POST";
        }
        if (!message.isObject()) {
            return "Invalid request: the body must be a JSON-RPC object";
        }
        if (!"2.0".equals(message.path("jsonrpc").asText(null)) || !message.path("jsonrpc").isTextual()) {
            return "Invalid request: 'jsonrpc' must be \"2.0\"";
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            return "Invalid request: 'id' must be a string or an integer";
        }
        JsonNode method = message.get("method");
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                return "Invalid request: 'method' must be a non-empty string";
            }
            JsonNode params = message.get("params");
            if (params != null && !params.isObject()) {
                return "Invalid request: 'params' must be an object";
            }
            if ("initialize".equals(method.asText()) && !(params != null && params.path("protocolVersion").isTextual()
                    && params.path("capabilities").isObject() && params.path("clientInfo").path("name").isTextual())) {
                return "Invalid request: initialize needs params with protocolVersion (string), capabilities (object) and clientInfo.name";
            }
            String needed = REQUIRED_PARAM.get(method.asText());
            if (needed != null && !(params != null && params.path(needed).isTextual())) {
                return "Invalid request: " + method.asText() + " needs params." + needed + " (a string)";
            }
            return null;
        }
        boolean response = id != null && (message.has("result") ^ message.has("error"));
        if (!response) {
            return "Invalid request: a message needs 'method' (request or notification) or 'id' with 'result' or 'error'";
        }
        if (message.has("result") && !message.get("result").isObject()) {
            return "Invalid request: 'result' must be an object";
        }
        if (message.has("error") && !(message.get("error").isObject() && message.get("error").path("code").isIntegralNumber())) {
            return "Invalid request: 'error' must be an object with an integer 'code'";
        }
        return null;
    }

    /** A JSON-RPC response from the client (to a server ping): the transport fails on unknown ids with a 500. */
    private boolean isClientResponse(byte[] body) {
        try {
            JsonNode message = json.readTree(body);
            return message.isObject() && !message.has("method");
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        return Collections.list(request.getHeaderNames()).stream()
                .collect(Collectors.toMap(Function.identity(), name -> Collections.list(request.getHeaders(name)), (a, b) -> a));
    }
}
