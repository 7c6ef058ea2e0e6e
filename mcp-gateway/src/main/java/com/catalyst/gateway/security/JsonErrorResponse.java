package com.catalyst.gateway.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Owns every error answer of /mcp. The SDK's transport writes an error by serialising its exception object (stack
 * trace included) and calls {@code sendError}, which would bring the container's error page: both are caught here and
 * replaced by a plain JSON-RPC error that keeps only the code and a short message.
 */
final class JsonErrorResponse extends HttpServletResponseWrapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private int errorStatus;
    private PrintWriter writer;
    private ServletOutputStream stream;

    JsonErrorResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int sc) {
        if (sc >= 400) {
            errorStatus = sc;
        }
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        errorStatus = sc;
        JsonRpcErrors.write((HttpServletResponse) getResponse(), sc, JsonRpcErrors.codeFor(sc), safe(msg, sc));
        errorStatus = -1; // answered: nothing more to rewrite
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (errorStatus > 0) {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8));
            }
            return writer;
        }
        return super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (errorStatus > 0) {
            if (stream == null) {
                stream = new CapturingStream();
            }
            return stream;
        }
        return super.getOutputStream();
    }

    @Override
    public void setContentLength(int len) {
        if (errorStatus <= 0) {
            super.setContentLength(len);
        }
    }

    /** After the transport returned: an error body it wrote is rewritten to code and message only. */
    void finish(boolean clientResponse) throws IOException {
        if (errorStatus <= 0) {
            return;
        }
        if (clientResponse && errorStatus >= 500) {
            // the transport answers 500 to a response whose id it never sent: the client's mistake, not the server's
            JsonRpcErrors.write((HttpServletResponse) getResponse(), 400, JsonRpcErrors.INVALID_REQUEST, "Response to an unknown request id");
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        int code = JsonRpcErrors.codeFor(errorStatus);
        String message = null;
        try {
            JsonNode body = captured.size() == 0 ? null : JSON.readTree(captured.toByteArray());
            JsonNode error = body == null ? null : body.has("jsonRpcError") ? body.get("jsonRpcError") : body.get("error");
            if (error != null && error.path("code").isInt()) {
                code = error.get("code").asInt();
                message = error.path("message").asText(null);
            }
        } catch (IOException notJson) {
            message = null;
        }
        JsonRpcErrors.write((HttpServletResponse) getResponse(), errorStatus, code, safe(message, errorStatus));
    }

    private static String safe(String msg, int sc) {
        // the transport's own messages are short and fixed; anything long or multi-line may echo internals
        return msg == null || msg.isBlank() || msg.length() > 200 || msg.contains("\n") || msg.contains("\tat ") ? defaultMessage(sc) : msg;
    }

    private static String defaultMessage(int sc) {
        return switch (sc) {
            case 400 -> "Bad request";
            case 404 -> "Session not found: initialize a new session";
            case 405 -> "Method not allowed";
            case 503 -> "The gateway is shutting down";
            default -> "Request refused (HTTP " + sc + ")";
        };
    }

    private final class CapturingStream extends ServletOutputStream {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("error bodies are written synchronously");
        }

        @Override
        public void write(int b) {
            captured.write(b);
        }
    }
}
