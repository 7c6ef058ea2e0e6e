package com.catalyst.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

/** The HTTP answers the gateway gives before (or instead of) the MCP server: a JSON-RPC error, no id, never a trace. */
public final class JsonRpcErrors {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    /** Server-defined codes (-32000 to -32099) for transport-level refusals. */
    public static final int UNAUTHORIZED = -32001;
    public static final int FORBIDDEN = -32003;
    public static final int RATE_LIMITED = -32029;
    public static final int NOT_FOUND = -32004;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRpcErrors() {
    }

    public static String body(int code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("jsonrpc", "2.0");
        root.putNull("id");
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return root.toString();
    }

    public static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] bytes = body(code, message).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The JSON-RPC code that goes with an HTTP status the transport chose. */
    public static int codeFor(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 429 -> RATE_LIMITED;
            default -> INVALID_REQUEST;
        };
    }
}
