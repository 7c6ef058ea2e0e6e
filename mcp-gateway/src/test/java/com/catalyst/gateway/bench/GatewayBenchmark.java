package com.catalyst.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.catalyst.CatalystApplication;
import com.catalyst.testsupport.TestDatabases;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * tools/call of a cached read tool (get_system_health: the health report kept by the dependency probe) through the
 * whole gateway — HTTP, bearer key, per-key rate limit (raised for the run), the SDK, the tool's route — against calling
 * the same route directly, with the same number of concurrent callers, in one process and one run.
 * Usage: bench/mcp/run.sh [clients] [seconds]
 */
public final class GatewayBenchmark {

    static final String TOOL = "get_system_health";
    static final String JSON_OR_SSE = "application/json, text/event-stream";
    static final String SSE_ONLY = "text/event-stream";

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String key = HexFormat.of().formatHex(java.security.SecureRandom.getInstanceStrong().generateSeed(16));
        String db = TestDatabases.fresh("catalyst_bench_mcp");
        ConfigurableApplicationContext app = new SpringApplication(CatalystApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db, "--spring.datasource.username=" + TestDatabases.USER,
                "--catalyst.gateway.api-key=" + key, "--catalyst.gateway.rate-limit.requests-per-minute=1000000000",
                "--catalyst.gateway.rate-limit.burst=10000000", "--catalyst.workflow.auto-start=false", "--catalyst.clock.speed=0",
                "--logging.level.root=WARN", "--logging.level.com.catalyst=WARN",
                // a client keeps its connection: Tomcat's default closes it after 100 requests
                "--server.tomcat.max-keep-alive-requests=-1");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ProducerTemplate producer = app.getBean(ProducerTemplate.class);
            Callable<Void> direct = () -> {
                producer.requestBody("direct:gateway-tool-" + TOOL, Map.of());
                return null;
            };
            run("warm-up direct", clients, 3, i -> direct);
            run("warm-up gateway", clients, 3, i -> new McpClient(port, key, JSON_OR_SSE)::call);
            run("warm-up gateway", clients, 3, i -> new McpClient(port, key, SSE_ONLY)::call);
            Result viaRoute = run("direct route", clients, seconds, i -> direct);
            // SSE before JSON: the earlier runs measured JSON first, and the machine load drifts within a run
            Result viaSse = run("gateway, SSE only", clients, seconds, i -> new McpClient(port, key, SSE_ONLY)::call);
            String sseFraming = McpClient.framing;
            Result viaGateway = run("gateway tools/call", clients, seconds, i -> new McpClient(port, key, JSON_OR_SSE)::call);
            String framing = McpClient.framing;
            System.out.printf("%n%d concurrent callers, %d s each, on %d cores%n", clients, seconds, Runtime.getRuntime().availableProcessors());
            viaRoute.print();
            viaGateway.print();
            viaSse.print();
            System.out.printf("gateway answers framed as: %s (Accept: %s); SSE-only client: %s%n", framing, JSON_OR_SSE, sseFraming);
            System.out.printf("gateway / direct: throughput %.3f, p50 %.1f×, p99 %.1f×%n", viaGateway.perSecond() / viaRoute.perSecond(),
                    viaGateway.p(50) / viaRoute.p(50), viaGateway.p(99) / viaRoute.p(99));
            System.out.printf("gateway SSE only / direct: throughput %.3f; JSON / SSE: throughput %.2f×%n", viaSse.perSecond() / viaRoute.perSecond(),
                    viaGateway.perSecond() / viaSse.perSecond());
            System.out.printf("CPU a call: gateway JSON %.3f ms, SSE %.3f ms, direct %.3f ms: the gateway costs %.1f× the direct call;"
                    + " at its cost %d cores carry at most %.0f calls/s (%.2f of the aim)%n", viaGateway.cpuMillisPerCall(),
                    viaSse.cpuMillisPerCall(), viaRoute.cpuMillisPerCall(), viaGateway.cpuMillisPerCall() / viaRoute.cpuMillisPerCall(),
                    Runtime.getRuntime().availableProcessors(), viaGateway.ceiling(), viaGateway.ceiling() / 2000);
            System.out.printf("aims: ≥ 2,000 calls/s (%s: %.0f = %.2f of the aim), p99 < 20 ms (%s: %.2f ms)%n",
                    viaGateway.perSecond() >= 2000 ? "met" : "NOT met", viaGateway.perSecond(), viaGateway.perSecond() / 2000,
                    viaGateway.p(99) < 20 ? "met" : "NOT met", viaGateway.p(99));
        } finally {
            app.close();
        }
        // the MCP SDK's session sweeper runs on a non-daemon thread of its own that closing the server does not end
        // (CatalystApplication says more): without this the benchmark prints its figures and never exits
        System.exit(0);
    }

    interface CallerFactory {
        Callable<Void> create(int index) throws Exception;
    }

    static Result run(String name, int clients, int seconds, CallerFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuBefore = processCpuNanos();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Callable<Void> call = factory.create(i);
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long started = System.nanoTime();
                    call.call();
                    latencies[n++] = System.nanoTime() - started;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long cpu = processCpuNanos() - cpuBefore;
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, merged, seconds, cpu);
    }

    /** CPU time of this whole process (server and clients), all threads: what a call costs whatever else the machine runs. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * @param cpuNanos the process's CPU time over the run: divided by the calls it is the cost of one call in CPU, which
     *                 other load on the machine does not change the way it changes throughput; the cores divided by it
     *                 is the most this process could make on an otherwise idle machine
     */
    record Result(String name, long[] sortedNanos, int seconds, long cpuNanos) {
        double cpuMillisPerCall() {
            return cpuNanos / 1e6 / Math.max(1, sortedNanos.length);
        }

        /** Calls a second the machine's cores could carry at this CPU cost a call, if nothing else ran. */
        double ceiling() {
            return Runtime.getRuntime().availableProcessors() * 1000.0 / cpuMillisPerCall();
        }

        double perSecond() {
            return (double) sortedNanos.length / seconds;
        }

        double p(int percentile) {
            int index = Math.min(sortedNanos.length - 1, (int) Math.round(percentile / 100.0 * (sortedNanos.length - 1)));
            return sortedNanos[index] / 1e6;
        }

        void print() {
            System.out.printf("%-20s %9.0f calls/s   p50 %7.3f ms   p99 %7.3f ms   (%d calls)   CPU %.3f ms a call (clients included),"
                    + " ceiling %.0f calls/s%n", name, perSecond(), p(50), p(99), sortedNanos.length, cpuMillisPerCall(), ceiling());
        }
    }

    /** One MCP session over Streamable HTTP, as a client holds it: initialize once, then tools/call after tools/call. */
    static final class McpClient {
        /** The Content-Type of the gateway's tools/call answers: one JSON body, or an SSE stream. */
        static volatile String framing = "none yet";
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI uri;
        private final String key;
        private final String session;
        private final String accept;
        private int id = 1;

        McpClient(int port, String key, String accept) throws Exception {
            this.uri = URI.create("http://127.0.0.1:" + port + "/mcp");
            this.key = key;
            this.accept = accept;
            HttpResponse<String> init = post(null, "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            this.session = init.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException("no session: " + init.body()));
            post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        Void call() throws Exception {
            HttpResponse<String> response = post(session, "{\"jsonrpc\":\"2.0\",\"id\":" + (id++) + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + TOOL + "\",\"arguments\":{}}}");
            if (response.statusCode() != 200 || !response.body().contains("\"result\"") || response.body().contains("\"isError\":true")) {
                throw new IllegalStateException("tools/call answered " + response.statusCode() + ": " + response.body());
            }
            framing = response.headers().firstValue("Content-Type").orElse("none");
            return null;
        }

        private HttpResponse<String> post(String sessionId, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .header("Accept", accept)
                    .header("MCP-Protocol-Version", "2025-11-25")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (sessionId != null) {
                request.header("Mcp-Session-Id", sessionId);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
