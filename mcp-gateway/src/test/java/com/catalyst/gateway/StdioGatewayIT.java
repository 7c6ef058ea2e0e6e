package com.catalyst.gateway;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar as a local command for Claude Desktop: MCP over stdin and stdout. The client speaks at once, before the
 * routes are up; stdout carries protocol messages only, logs go to stderr.
 */
class StdioGatewayIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void servesMcpOverStandardInputAndOutput() throws Exception {
        String db = TestDatabases.fresh("catalyst_it_stdio");
        String jar = System.getProperty("catalyst.jar", "target/catalyst.jar");
        Path stderr = Files.createTempFile("catalyst-stdio-", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar", jar,
                "--catalyst.gateway.transport=stdio", "--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabases.USER)
                .redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"stdio-it\",\"version\":\"1\"}}}");
            // sent at once, before the application has finished starting: it must wait for the routes, not fail
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_system_health\",\"arguments\":{}}}");
            JsonNode init = next(lines, stderr, 300);
            assertThat(init.get("id").asInt()).isEqualTo(1);
            assertThat(init.at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
            JsonNode health = next(lines, stderr, 300);
            assertThat(health.get("id").asInt()).isEqualTo(2);
            assertThat(health.at("/result/isError").asBoolean(false)).as(health.toString()).isFalse();
            assertThat(health.at("/result/structuredContent/database").asText()).isEqualTo("up");

            send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
            JsonNode tools = next(lines, stderr, 60);
            List<String> names = tools.at("/result/tools").findValuesAsText("name");
            assertThat(names).contains("start_trading_cycle", "stop_trading", "emergency_stop", "analyze_symbol", "get_risk_metrics",
                    "execute_trade", "update_risk_parameters", "get_news", "get_daily_report");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        // nothing but protocol messages went to stdout: every line parsed as JSON-RPC above, and the logs are in stderr
        assertThat(Files.readString(stderr)).contains("Started CatalystApplication");
    }

    private static void send(Writer in, String message) throws Exception {
        in.write(message + "\n");
        in.flush();
    }

    private JsonNode next(BlockingQueue<String> lines, Path stderr, int seconds) throws Exception {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        assertThat(line).as("an answer on stdout within %d s; stderr: %s", seconds, stderr).isNotNull();
        JsonNode node = json.readTree(line);
        assertThat(node.get("jsonrpc").asText()).isEqualTo("2.0");
        return node;
    }
}
