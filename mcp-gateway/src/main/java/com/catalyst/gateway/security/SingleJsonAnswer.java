package com.catalyst.gateway.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Answers a request with one JSON body when the client accepts JSON, as Streamable HTTP allows. The SDK (2.1.0) frames
 * every request's answer as an SSE stream and has no option for JSON; its events are held here until the first one is
 * whole. If that event is the JSON-RPC response, it becomes the body ({@code application/json} with a length) at once; if
 * it is anything else (a progress or log notification, a request to the client) the stream goes out as SSE, unchanged.
 * Anything that is not an SSE answer (initialize, 202, errors) passes through untouched.
 */
final class SingleJsonAnswer extends HttpServletResponseWrapper {

    private static final String SSE = "text/event-stream";
    private static final String EVENT_END = "\n\n";
    private static final String DATA = "data: ";

    private final McpJsonMapper mapper;
    // the transport may write from a Reactor thread: one lock for the held events, the decision and the stream
    private final ReentrantLock answerLock = new ReentrantLock();
    private final StringBuilder held = new StringBuilder();
    private boolean sse;
    private boolean streaming;
    private boolean answered;
    private PrintWriter heldWriter;
    private PrintWriter stream;

    SingleJsonAnswer(HttpServletResponse response, McpJsonMapper mapper) {
        super(response);
        this.mapper = mapper;
    }

    @Override
    public void setContentType(String type) {
        if (type != null && type.startsWith(SSE) && !streaming) {
            sse = true; // decided when the first event is whole
            return;
        }
        super.setContentType(type);
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!sse || streaming) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!sse) {
            return super.getWriter();
        }
        if (heldWriter == null) {
            heldWriter = new PrintWriter(new HeldEvents());
        }
        return heldWriter;
    }

    /** True once the answer went out as one JSON body. */
    boolean answeredAsJson() {
        return answered;
    }

    private void onFlush() throws IOException {
        if (streaming) {
            stream.flush();
            return;
        }
        int end = held.indexOf(EVENT_END);
        if (end < 0) {
            return;
        }
        String data = dataOf(held.substring(0, end));
        boolean onlyEvent = end + EVENT_END.length() == held.length();
        if (onlyEvent && data != null && isResponse(data)) {
            // the transport ends a request's stream with its response: when that comes first it is the whole answer
            writeJson(data);
            return;
        }
        startStreaming();
    }

    private void writeJson(String data) throws IOException {
        byte[] body = data.getBytes(StandardCharsets.UTF_8);
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
        held.setLength(0);
        answered = true;
    }

    private void startStreaming() throws IOException {
        super.setContentType(SSE);
        super.setCharacterEncoding("UTF-8");
        stream = super.getWriter();
        streaming = true;
        stream.write(held.toString());
        held.setLength(0);
        stream.flush();
    }

    private boolean isResponse(String data) {
        try {
            return McpSchema.deserializeJsonRpcMessage(mapper, data) instanceof McpSchema.JSONRPCResponse;
        } catch (IOException | RuntimeException notAMessage) {
            return false;
        }
    }

    private static String dataOf(String event) {
        for (String line : event.split("\n")) {
            if (line.startsWith(DATA)) {
                return line.substring(DATA.length());
            }
        }
        return null;
    }

    /** What the transport's SSE writer writes into: held, or straight out once the answer is a stream. */
    private final class HeldEvents extends Writer {
        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            answerLock.lock();
            try {
                if (answered) {
                    return; // nothing follows a response in the transport's stream; were it to, the answer is already whole
                }
                if (streaming) {
                    stream.write(chars, offset, length);
                } else {
                    held.append(chars, offset, length);
                }
            } finally {
                answerLock.unlock();
            }
        }

        @Override
        public void flush() throws IOException {
            answerLock.lock();
            try {
                if (!answered) {
                    onFlush();
                }
            } finally {
                answerLock.unlock();
            }
            if (stream != null && stream.checkError()) {
                throw new IOException("client disconnected");
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
