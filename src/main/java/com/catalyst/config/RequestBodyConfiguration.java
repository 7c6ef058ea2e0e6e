package com.catalyst.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.catalyst.routing.RequestBodyGuard;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The body limit of the REST API ({@code catalyst.http.max-body-size}, 64 KB by default; /mcp has its own) and which
 * write routes take a body: those whose REST verb declares {@code consumes} in routes/*.camel.yaml.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(@Value("${catalyst.http.max-body-size:64KB}") DataSize maxBody,
                                                             CamelContext camel) {
        if (maxBody.toBytes() < 1024 || maxBody.toBytes() > 16 * 1024 * 1024) {
            throw new IllegalStateException("catalyst.http.max-body-size must be from 1KB to 16MB, got " + maxBody);
        }
        RestWriteRoutes routes = new RestWriteRoutes(camel);
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard((int) maxBody.toBytes(), routes::takesNoBody));
        registration.addUrlPatterns("/api/*");
        // after the service-token check and Spring Security (-100): a caller without a key is refused before its body is
        // read; Spring's form filter, which would read a form body first, is off (spring.mvc.formcontent.filter.enabled)
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 50);
        registration.setName("request-body-guard");
        return registration;
    }

    /** The write verbs of the REST definitions Camel loaded, as path patterns; read again when the definitions change. */
    static final class RestWriteRoutes {
        private record Verb(String method, Pattern path, boolean takesBody) {
        }

        private final CamelContext camel;
        private volatile List<RestDefinition> seen = List.of();
        private volatile List<Verb> verbs = List.of();

        RestWriteRoutes(CamelContext camel) {
            this.camel = camel;
        }

        boolean takesNoBody(String method, String path) {
            String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            for (Verb verb : verbs()) {
                if (verb.method().equals(method) && verb.path().matcher(trimmed).matches()) {
                    return !verb.takesBody();
                }
            }
            return false;
        }

        private List<Verb> verbs() {
            List<RestDefinition> definitions = ((ModelCamelContext) camel).getRestDefinitions();
            if (definitions.size() != seen.size() || !seen.containsAll(definitions)) {
                List<Verb> out = new ArrayList<>();
                for (RestDefinition rest : definitions) {
                    for (VerbDefinition verb : rest.getVerbs()) {
                        String path = (rest.getPath() == null ? "" : rest.getPath()) + (verb.getPath() == null ? "" : verb.getPath());
                        String consumes = verb.getConsumes() != null ? verb.getConsumes() : rest.getConsumes();
                        out.add(new Verb(verb.asVerb().toUpperCase(Locale.ROOT), template(path), consumes != null));
                    }
                }
                verbs = List.copyOf(out);
                seen = List.copyOf(definitions);
            }
            return verbs;
        }

        /** /api/v1/trading/orders/{client_order_id} → a pattern with one path segment for the parameter. */
        static Pattern template(String path) {
            String normalized = path.replaceAll("/+", "/");
            if (normalized.length() > 1 && normalized.endsWith("/")) {
                normalized = normalized.substring(0, normalized.length() - 1);
            }
            StringBuilder regex = new StringBuilder();
            for (String part : normalized.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }
    }
}
