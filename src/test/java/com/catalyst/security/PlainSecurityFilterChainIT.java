package com.catalyst.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security filter chain that serves requests is Spring Security's own ({@link FilterChainProxy}), without the
 * wrapper that looked up MVC's handler for every request (PlainSecurityFilterChain), and it still applies everything the
 * chain is for: the key, the firewall and its handler, the open health check. (The whole surface is walked by
 * SecuritySurfaceIT against the packaged jar.)
 */
@CatalystIntegrationTest
@TestPropertySource(properties = "catalyst.gateway.api-key=plain-chain-key-0123456789abcdef")
class PlainSecurityFilterChainIT {

    private static final String KEY = "plain-chain-key-0123456789abcdef";

    @Autowired
    @Qualifier(PlainSecurityFilterChain.CHAIN)
    Filter chain;
    @Autowired
    CatalystHttp http;

    @Test
    void theChainIsSpringSecuritysOwnWithoutTheHandlerLookupWrapper() {
        // Spring Security's own chain: the path parsed once, then the FilterChainProxy; not MVC's wrapper around it
        assertThat(chain.getClass().getName()).isNotEqualTo(PlainSecurityFilterChain.MVC_WRAPPER)
                .isEqualTo("org.springframework.security.config.annotation.web.configuration.WebSecurityConfiguration$CompositeFilterChainProxy");
        assertThat(((FilterChainProxy) chain).getFilterChains()).hasSize(1);
    }

    @Test
    void theRulesTheFirewallAndTheOpenHealthCheckStillHold() throws Exception {
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/risk/limits").statusCode()).as("no key").isEqualTo(401);
        assertThat(send("/api/v1/risk/limits", "Bearer wrong-key").statusCode()).isEqualTo(401);
        assertThat(send("/api/v1/risk/limits", "Bearer " + KEY).statusCode()).isEqualTo(200);
        HttpResponse<String> rejected = send("/api/v1/risk/limits;x=1", "Bearer " + KEY);
        assertThat(rejected.statusCode()).as("StrictHttpFirewall and Catalyst's handler").isEqualTo(400);
        assertThat(rejected.body()).contains("';'");
    }

    private HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .header("Authorization", authorization).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
