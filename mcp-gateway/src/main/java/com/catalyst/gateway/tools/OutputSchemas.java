package com.catalyst.gateway.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the tools' output schemas: objects whose named fields are given a type, the rest left open. */
final class OutputSchemas {

    static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");
    static final Map<String, Object> OBJECT_OR_NULL = Map.of("type", List.of("object", "null"));
    static final Map<String, Object> STRING = Map.of("type", "string");
    static final Map<String, Object> INTEGER = Map.of("type", "integer");
    static final Map<String, Object> NUMBER = Map.of("type", "number");
    static final Map<String, Object> BOOLEAN = Map.of("type", "boolean");
    static final Map<String, Object> ROWS = Map.of("type", "array", "items", ANY_OBJECT);

    private OutputSchemas() {
    }

    /** An object with the given fields (name, schema, name, schema, …), all required. */
    static Map<String, Object> object(Object... nameThenSchema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            properties.put((String) nameThenSchema[i], nameThenSchema[i + 1]);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(properties.keySet()));
        return schema;
    }

    /** The trust-boundary envelope around results that hold third-party text. */
    static Map<String, Object> untrusted(Map<String, Object> data) {
        return object("security", object("trust", STRING, "tool_name", STRING, "risk", STRING, "instructions", STRING), "data", data);
    }
}
