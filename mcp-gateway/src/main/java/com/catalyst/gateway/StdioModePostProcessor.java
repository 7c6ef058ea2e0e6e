package com.catalyst.gateway;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code catalyst.gateway.transport=stdio}: no web server, the console log on stderr, and System.out pointed at
 * stderr too, so that nothing but MCP messages can reach the real stdout, which is kept for the transport.
 * Runs before logging starts (environment post-processors precede the logging listener).
 */
public class StdioModePostProcessor implements EnvironmentPostProcessor, Ordered {

    private static volatile PrintStream protocolOut = System.out;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!"stdio".equalsIgnoreCase(env.getProperty("catalyst.gateway.transport", "http"))) {
            return;
        }
        claimStdout();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.main.web-application-type", "none");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.config", "classpath:catalyst-stdio-logback.xml");
        props.put("catalyst.workflow.auto-start", env.getProperty("catalyst.workflow.auto-start", "false"));
        env.getPropertySources().addFirst(new MapPropertySource("catalystStdioMode", props));
    }

    /** Keeps the real stdout for the protocol once, and sends every other print to stderr. */
    static synchronized void claimStdout() {
        if (System.out != System.err && protocolOut == System.out) {
            protocolOut = System.out;
            System.setOut(System.err);
        }
    }

    static OutputStream protocolOut() {
        return protocolOut;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
