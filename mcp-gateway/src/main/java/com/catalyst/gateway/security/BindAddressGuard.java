package com.catalyst.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides whether the gateway may start: open (no key) is allowed only on a loopback address. An empty
 * {@code server.address} binds every interface, so it counts as exposed.
 */
public final class BindAddressGuard {

    private BindAddressGuard() {
    }

    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            InetAddress resolved = InetAddress.getByName(address.trim());
            return resolved.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Throws, naming the settings to change, when the gateway would be reachable from the network without a key. */
    public static void check(String address, boolean hasKey) {
        if (!hasKey && !isLoopback(address)) {
            throw new IllegalStateException("The MCP gateway refuses to start: it would listen on '" + (address == null || address.isBlank() ? "all interfaces" : address)
                    + "' (server.address / CATALYST_BIND_ADDRESS) without an API key. Set CATALYST_API_KEY (for example `openssl rand -hex 32`)"
                    + " or bind to 127.0.0.1.");
        }
    }
}
