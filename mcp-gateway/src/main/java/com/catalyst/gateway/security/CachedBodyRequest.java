package com.catalyst.gateway.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import com.catalyst.routing.BufferedBodyRequest;
import jakarta.servlet.http.HttpServletRequest;

/** The request with its body already read and checked by the guard, and an Accept header the transport understands. */
final class CachedBodyRequest extends BufferedBodyRequest {

    private final String accept;

    CachedBodyRequest(HttpServletRequest request, byte[] body, String accept) {
        super(request, body);
        this.accept = accept;
    }

    @Override
    public String getHeader(String name) {
        return "accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
    }
}
