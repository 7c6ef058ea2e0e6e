package com.catalyst.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The bodies of the security refusals: {@code {"error": …}} for the API and the consoles, a JSON-RPC error for /mcp
 * (what an MCP client can show), never a stack trace and never the credential that was sent.
 */
final class SecurityResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON-RPC codes of the gateway's refusals (see McpHttpGuard) */
    private static final int UNAUTHORIZED = -32001;
    private static final int FORBIDDEN = -32003;
    private static final int INVALID_REQUEST = -32600;

    private SecurityResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        if (path(request).startsWith("/mcp")) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status == 401 ? UNAUTHORIZED : status == 403 ? FORBIDDEN : INVALID_REQUEST);
            error.put("message", message);
            body.put("jsonrpc", "2.0");
            body.put("id", null);
            body.put("error", error);
        } else {
            body.put("error", message);
        }
        response.getWriter().write(JSON.writeValueAsString(body));
        response.flushBuffer();
    }

    /** The decoded path within the application, as the servlet container mapped it. */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo();
        String path = info == null ? servletPath : servletPath + info;
        return path.isEmpty() ? "/" : path;
    }
}
