package com.catalyst.config;

import java.util.Arrays;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A process that runs several bundles apart from the all-in-one also answers on each bundle's seed port, on the same
 * address as its main port (server.address / CATALYST_BIND_ADDRESS), never on every interface.
 */
@Component
class BundlePorts implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String extraPorts;
    private final String address;

    BundlePorts(@Value("${catalyst.server.extra-ports:}") String extraPorts, @Value("${server.address:}") String address) {
        this.extraPorts = extraPorts;
        this.address = address;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Arrays.stream(extraPorts.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(port -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(Integer.parseInt(port));
            if (address != null && !address.isBlank()) {
                connector.setProperty("address", address.trim());
            }
            factory.addAdditionalTomcatConnectors(connector);
        });
    }
}
