package com.catalyst.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The transport's SSE framing of one answer, as the SDK 2.1.0 writes it, turned into one JSON body only when it may be. */
class SingleJsonAnswerTest {

    private static final String RESULT = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[],\"isError\":false}}";
    private static final String PROGRESS = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":\"t\",\"progress\":1}}";

    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final SingleJsonAnswer answer = new SingleJsonAnswer(response, new JacksonMcpJsonMapper(new ObjectMapper()));

    @Test
    void aStreamHoldingOnlyTheResponseIsSentAsOneJsonBodyWithItsLength() throws Exception {
        PrintWriter sdk = sseWriter();
        sdk.write("id: s-1\nevent: message\n");
        sdk.flush();
        assertThat(response.getContentAsString()).as("nothing goes out before the first event is whole").isEmpty();
        sdk.write("data: " + RESULT + "\n\n");
        sdk.flush();

        assertThat(answer.answeredAsJson()).isTrue();
        assertThat(sdk.checkError()).as("the transport sees a clean send").isFalse();
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).isEqualTo(RESULT);
        assertThat(response.getContentLength()).isEqualTo(RESULT.length());
    }

    @Test
    void aNotificationBeforeTheResponseKeepsTheAnswerAnSseStream() throws Exception {
        PrintWriter sdk = sseWriter();
        event(sdk, PROGRESS);

        assertThat(response.getContentType()).as("streamed at once, not held").startsWith("text/event-stream");
        assertThat(response.getContentAsString()).contains("data: " + PROGRESS);
        event(sdk, RESULT);

        assertThat(answer.answeredAsJson()).isFalse();
        assertThat(response.getContentAsString()).isEqualTo(frame(PROGRESS) + frame(RESULT));
    }

    @Test
    void aFirstEventThatIsNotJsonRpcKeepsTheStreamAsWritten() throws Exception {
        PrintWriter sdk = sseWriter();
        event(sdk, "{\"not\":\"a message\"}");

        assertThat(answer.answeredAsJson()).isFalse();
        assertThat(response.getContentType()).startsWith("text/event-stream");
        assertThat(response.getContentAsString()).isEqualTo(frame("{\"not\":\"a message\"}"));
    }

    @Test
    void answersThatAreNotSseStreamsPassThroughUntouched() throws Exception {
        answer.setStatus(202);
        answer.setContentType("application/json");
        answer.getWriter().write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        answer.getWriter().flush();

        assertThat(answer.answeredAsJson()).isFalse();
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    }

    @Test
    void onlyAnAcceptThatListsJsonOrAnyTypeAllowsAJsonAnswer() {
        assertThat(McpHttpGuard.acceptsJson(post("application/json, text/event-stream"))).isTrue();
        assertThat(McpHttpGuard.acceptsJson(post(null))).isTrue();
        assertThat(McpHttpGuard.acceptsJson(post("*/*"))).isTrue();
        assertThat(McpHttpGuard.acceptsJson(post("text/event-stream"))).isFalse();
        assertThat(McpHttpGuard.effectiveAccept(post("text/event-stream"))).as("SSE only: served as SSE").contains("application/json");
        assertThat(McpHttpGuard.effectiveAccept(post("application/json"))).as("JSON only: 406").isNull();
    }

    private PrintWriter sseWriter() throws Exception {
        // what HttpServletStreamableServerTransportProvider does before it answers a request
        answer.setContentType("text/event-stream");
        answer.setCharacterEncoding("UTF-8");
        return answer.getWriter();
    }

    private static void event(PrintWriter sdk, String json) {
        sdk.write("id: s-1\n");
        sdk.write("event: message\n");
        sdk.write("data: " + json + "\n\n");
        sdk.flush();
    }

    private static String frame(String json) {
        return "id: s-1\nevent: message\ndata: " + json + "\n\n";
    }

    private static MockHttpServletRequest post(String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
