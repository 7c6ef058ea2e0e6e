package com.catalyst.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.catalyst.config.Bundle;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

class BundleApisTest {

    /** "VERB /path" → the route it goes to and the file that defines it, read from every REST definition in routes/. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> restVerbs() throws IOException {
        Map<String, String> verbs = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Map<String, Object> item : (List<Map<String, Object>>) new Yaml().load(in)) {
                        Map<String, Object> rest = (Map<String, Object>) item.get("rest");
                        if (rest == null) {
                            continue;
                        }
                        for (String verb : List.of("get", "post", "put", "delete")) {
                            for (Map<String, Object> op : (List<Map<String, Object>>) rest.getOrDefault(verb, List.of())) {
                                verbs.put(verb.toUpperCase() + " " + rest.get("path") + op.getOrDefault("path", ""),
                                        op.get("to") + " in " + file.getFileName() + (op.get("consumes") != null ? " consumes" : ""));
                            }
                        }
                    }
                }
            }
        }
        return verbs;
    }

    @Test
    void everyApiIsServedOnItsVerbAndPathByTheRouteItNames() throws IOException {
        Map<String, String> verbs = restVerbs();

        for (BundleApis.Api api : BundleApis.ALL) {
            // a bundle loads the route files named after it, so the REST definition must be in one of them
            assertThat(verbs.get(api.method() + " " + api.path())).as(api.route())
                    .startsWith("direct:" + api.route() + " in " + api.bundle().id()).contains(".camel.yaml");
        }
    }

    @Test
    void anApiTakesABodyExactlyWhenItsRestVerbConsumesOne() throws IOException {
        Map<String, String> verbs = restVerbs();

        for (BundleApis.Api api : BundleApis.ALL) {
            assertThat(verbs.get(api.method() + " " + api.path()).endsWith(" consumes")).as(api.route()).isEqualTo(api.takesBody());
        }
    }

    @Test
    void everyBundleApiTheToolRoutesCallIsInTheTable() throws IOException {
        String source = Files.readString(Path.of("mcp-gateway/src/main/java/com/catalyst/gateway/routes/GatewayToolRoutes.java"));
        Matcher m = Pattern.compile("apis\\.uri\\(\"([a-z-]+)\"\\)").matcher(source);
        int calls = 0;
        while (m.find()) {
            BundleApis.Api api = new BundleApis(new MockEnvironment()).api(m.group(1));
            assertThat(api.route()).isEqualTo(m.group(1));
            calls++;
        }
        assertThat(calls).isGreaterThan(20);
        assertThat(source).as("no bundle API is called in-process only").doesNotContainPattern("\"direct:[a-z]+-api-");
    }

    @Test
    void aBundleHereIsCalledDirectlyAndOneElsewhereThroughTheGatewaysHttpRoute() {
        MockEnvironment env = new MockEnvironment().withProperty("catalyst.bundle.risk.enabled", "true")
                .withProperty("catalyst.bundle.trading.enabled", "false")
                .withProperty("catalyst.services.trading.url", "http://trading.internal:5005/");
        BundleApis apis = new BundleApis(env);

        assertThat(apis.uri("risk-api-limits")).isEqualTo("direct:risk-api-limits");
        assertThat(apis.uri("trading-api-positions")).isEqualTo("direct:gateway-remote-trading-api-positions");
        assertThat(apis.baseUrl(Bundle.TRADING)).isEqualTo("http://trading.internal:5005");
        assertThat(apis.baseUrl(Bundle.NEWS)).isEqualTo("http://127.0.0.1:5008");
        assertThatThrownBy(() -> apis.uri("trading-place-orders")).hasMessageContaining("no bundle API route");
    }

    @Test
    void pathParametersAndQueryComeFromHeadersEncoded() {
        BundleApis.Api close = new BundleApis(new MockEnvironment()).api("trading-api-close-position");
        Map<String, Object> headers = Map.of("symbol", "BRK.B", "reason", "emergency stop", "limit", 5);

        assertThat(close.path(headers::get)).isEqualTo("/api/v1/trading/positions/BRK.B");
        assertThat(close.query(headers::get)).isEqualTo("reason=emergency%20stop");
        assertThat(close.path(Map.of("symbol", "A/B?x")::get)).isEqualTo("/api/v1/trading/positions/A%2FB%3Fx");
        assertThat(close.query(Map.of()::get)).isNull();
        assertThatThrownBy(() -> close.path(Map.of()::get)).hasMessageContaining("no value for path parameter symbol");
    }
}
