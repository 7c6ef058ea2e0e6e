package com.catalyst.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Signs every call that Camel's HTTP component makes to another bundle ({@code /api/v1/...} on a bundle's host and
 * port): a fresh single-use token per attempt, so the bundle-call policy's retries are never refused as replays, and no
 * route has to remember to sign. Calls to any other host (a broker, a news API) are left alone.
 */
final class ServiceTokenSigner implements HttpClientConfigurer {

    private final ServiceTokens tokens;
    /** host:port of every bundle this process may call */
    private final Set<String> bundleAuthorities;

    ServiceTokenSigner(ServiceTokens tokens, Set<String> bundleAuthorities) {
        this.tokens = tokens;
        this.bundleAuthorities = Set.copyOf(bundleAuthorities);
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addRequestInterceptorLast((request, entity, context) -> sign(request));
    }

    void sign(HttpRequest request) throws HttpException {
        URI uri;
        try {
            uri = request.getUri();
        } catch (URISyntaxException e) {
            throw new HttpException("not a URI: " + e.getMessage());
        }
        if (!tokens.enabled() || uri.getPath() == null || !uri.getPath().startsWith("/api/v1/")
                || !bundleAuthorities.contains(authority(uri.getHost(), uri.getPort(), uri.getScheme()))) {
            return;
        }
        try {
            request.setHeader("Authorization", tokens.bearer(request.getMethod(), uri.toString()));
        } catch (Exception e) {
            throw new HttpException("cannot sign the call to " + uri.getPath() + ": " + e.getMessage());
        }
    }

    static String authority(String host, int port, String scheme) {
        int effective = port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        return (host == null ? "" : host.toLowerCase(java.util.Locale.ROOT)) + ":" + effective;
    }
}
