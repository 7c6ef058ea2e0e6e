package com.catalyst.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyGuardTest {

    private static final int LIMIT = 1024;

    // POST /api/v1/workflow/start takes no body; everything else here does
    private final RequestBodyGuard guard = new RequestBodyGuard(LIMIT, (method, path) -> path.equals("/api/v1/workflow/start"));
    private final AtomicReference<String> passed = new AtomicReference<>();

    private MockHttpServletResponse send(String method, String path, String contentType, byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (body != null) {
            request.setContent(body);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                try {
                    HttpServletRequest http = (HttpServletRequest) req;
                    passed.set(http.getContentType() + " " + new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        guard.doFilter(request, response, chain);
        return response;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void passesAJsonBodyOnUnchanged() throws Exception {
        MockHttpServletResponse response = send("PUT", "/api/v1/risk/limits", "application/json; charset=UTF-8", utf8("{\"reason\":\"ruhiger Tag ✓\"}"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(passed.get()).isEqualTo("application/json; charset=UTF-8 {\"reason\":\"ruhiger Tag ✓\"}");
    }

    @Test
    void anEmptyBodyPassesAsJsonWhateverItsType() throws Exception {
        assertThat(send("POST", "/api/v1/backtests", null, null).getStatus()).isEqualTo(200);
        assertThat(passed.get()).isEqualTo("application/json ");
        assertThat(send("POST", "/api/v1/workflow/start", "text/plain", new byte[0]).getStatus()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        MockHttpServletResponse exact = send("POST", "/api/v1/risk/check", "application/json", utf8("\"" + "x".repeat(LIMIT - 2) + "\""));
        assertThat(exact.getStatus()).isEqualTo(200);

        MockHttpServletResponse over = send("POST", "/api/v1/risk/check", "application/json", utf8("\"" + "x".repeat(LIMIT - 1) + "\""));
        assertThat(over.getStatus()).isEqualTo(413);
        assertThat(over.getContentType()).isEqualTo("application/json");
        assertThat(over.getContentAsString()).contains("\"limit_bytes\":1024").contains("larger than 1024 bytes");

        // no Content-Length: the guard counts what it reads
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/risk/check") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType("application/json");
        chunked.setContent(new byte[LIMIT * 3]);
        MockHttpServletResponse streamed = new MockHttpServletResponse();
        guard.doFilter(chunked, streamed, new MockFilterChain());
        assertThat(streamed.getStatus()).isEqualTo(413);
    }

    @Test
    void aBodyWhereTheRouteTakesNoneIs400() throws Exception {
        MockHttpServletResponse response = send("POST", "/api/v1/workflow/start", "application/json", utf8("{}"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"POST /api/v1/workflow/start takes no body; send it without one\"}");
        assertThat(passed.get()).isNull();
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1",
                "multipart/form-data; boundary=x", "application/jsonp"}) {
            MockHttpServletResponse response = send("PUT", "/api/v1/risk/limits", type, utf8("{\"max_open_positions\":3}"));
            assertThat(response.getStatus()).as(type).isEqualTo(415);
            assertThat(response.getContentAsString()).as(type).startsWith("{\"error\":\"the body must be JSON in UTF-8");
        }
        assertThat(send("PUT", "/api/v1/risk/limits", "application/merge-patch+json", utf8("{}")).getStatus()).isEqualTo(200);
        assertThat(passed.get()).isNotNull();
    }

    @Test
    void aBodyThatIsNotUtf8Is400() throws Exception {
        byte[] latin1 = "{\"reason\":\"Bärenmarkt\"}".getBytes(StandardCharsets.ISO_8859_1);

        MockHttpServletResponse response = send("PUT", "/api/v1/risk/limits", "application/json", latin1);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"the body is not valid UTF-8\"}");
        assertThat(RequestBodyGuard.utf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).as("a lone surrogate").isFalse();
    }

    @Test
    void readsAreNotGuarded() throws Exception {
        assertThat(send("GET", "/api/v1/risk/limits", "text/plain", utf8("anything")).getStatus()).isEqualTo(200);
        assertThat(passed.get()).isEqualTo("text/plain anything");
    }
}
