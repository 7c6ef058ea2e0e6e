package com.catalyst.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checks a bearer key in constant time. Both sides are hashed first so that neither the content nor the length of the
 * configured key leaks through timing; the key itself is kept only as its digest.
 */
public final class ApiKeyCheck {

    private static final String BEARER = "bearer ";

    private final byte[] expectedDigest;

    public ApiKeyCheck(String apiKey) {
        this.expectedDigest = apiKey == null || apiKey.isBlank() ? null : sha256(apiKey.trim());
    }

    public boolean enabled() {
        return expectedDigest != null;
    }

    /** True when the Authorization header holds {@code Bearer <the key>}. */
    public boolean accepts(String authorizationHeader) {
        String presented = presentedKey(authorizationHeader);
        return presented != null && MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    /** A short, non-reversible name for the key, used as the rate-limit identity; never the key. */
    public static String identity(String authorizationHeader) {
        String presented = presentedKey(authorizationHeader);
        return presented == null ? null : "key:" + HexFormat.of().formatHex(sha256(presented), 0, 8);
    }

    private static String presentedKey(String header) {
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String key = header.substring(BEARER.length()).trim();
        return key.isEmpty() ? null : key;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
