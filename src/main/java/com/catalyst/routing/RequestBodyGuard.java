package com.catalyst.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one check of every REST write's body, before any route reads it: at most {@code maxBytes} (413), none where the
 * route takes none (400), JSON (415) in UTF-8 (400). The body is read once, here, and handed on from memory. Each
 * refusal is a JSON error a client can act on. {@code takesNoBody} tells, from the REST definitions, which write routes
 * take no body (those without {@code consumes}).
 */
public class RequestBodyGuard extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBytes;
    private final BiPredicate<String, String> takesNoBody;

    public RequestBodyGuard(int maxBytes, BiPredicate<String, String> takesNoBody) {
        this.maxBytes = maxBytes;
        this.takesNoBody = takesNoBody;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, 413, "the body is larger than " + maxBytes + " bytes, the most this API accepts", Map.of("limit_bytes", maxBytes));
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            refuse(response, 413, "the body is larger than " + maxBytes + " bytes, the most this API accepts", Map.of("limit_bytes", maxBytes));
            return;
        }
        if (body.length > 0) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (takesNoBody.test(request.getMethod(), path)) {
                refuse(response, 400, request.getMethod() + " " + path + " takes no body; send it without one", Map.of());
                return;
            }
            String type = request.getContentType();
            if (!json(type)) {
                refuse(response, 415, "the body must be JSON in UTF-8 (Content-Type: application/json), got "
                        + (type == null ? "no Content-Type" : "'" + shortened(type) + "'"), Map.of());
                return;
            }
            if (!utf8(body)) {
                refuse(response, 400, "the body is not valid UTF-8", Map.of());
                return;
            }
        }
        chain.doFilter(new ReadBody(request, body, body.length == 0 ? "application/json" : null), response);
    }

    /** The body, or null when it holds more than maxBytes. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) > 0) {
            if (out.size() + n > maxBytes) {
                return null;
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** application/json or any +json type, in UTF-8 when a charset is named. */
    public static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String media = parts[0].trim();
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    static boolean utf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static void refuse(HttpServletResponse response, int status, String error, Map<String, Object> more) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.putAll(more);
        response.setStatus(status);
        response.setContentType("application/json");
        // the unread rest of a large body is not worth keeping the connection for
        if (status == 413) {
            response.setHeader("Connection", "close");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /**
     * The request with its body read into memory. An empty body has no type to check: it counts as JSON, so that a
     * route that takes a body (and decides what empty means) answers it rather than the servlet's own 415.
     */
    private static final class ReadBody extends BufferedBodyRequest {
        private final String contentType;

        ReadBody(HttpServletRequest request, byte[] body, String contentType) {
            super(request, body);
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType != null ? contentType : super.getContentType();
        }

        @Override
        public String getHeader(String name) {
            return contentType != null && "content-type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return contentType != null && "content-type".equalsIgnoreCase(name) ? Collections.enumeration(List.of(contentType))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            if (contentType == null || getRequest() instanceof HttpServletRequest r && r.getHeader("Content-Type") != null) {
                return super.getHeaderNames();
            }
            List<String> names = Collections.list(super.getHeaderNames());
            names.add("Content-Type");
            return Collections.enumeration(names);
        }
    }
}
