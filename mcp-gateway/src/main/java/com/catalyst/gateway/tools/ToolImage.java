package com.catalyst.gateway.tools;

import java.util.Base64;

/**
 * An image a tool route answers under the key {@value #KEY}: {@link ToolResults} sends it as MCP image content
 * (base64 with its MIME type) beside the structured data, which never holds the bytes.
 */
public record ToolImage(byte[] bytes, String mimeType) {

    public static final String KEY = "image";

    public static ToolImage png(byte[] bytes) {
        return new ToolImage(bytes, "image/png");
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
