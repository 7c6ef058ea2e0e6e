package com.catalyst.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.catalyst.desk.CycleDesk.CycleAlreadyRunningException;
import com.catalyst.market.InsufficientHistoryException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;

/** JSON error bodies a client can act on: what was wrong, which field, never a stack trace. */
public final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {
    }

    /** The exception that says what went wrong, under Camel's wrappers (bean invocation, expression evaluation). */
    static Throwable cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t != t.getCause() && (t instanceof org.apache.camel.RuntimeCamelException
                || t instanceof java.lang.reflect.InvocationTargetException || t instanceof org.apache.camel.CamelExchangeException)) {
            t = t.getCause();
        }
        return t;
    }

    public static String of(Throwable thrown) {
        Throwable e = cause(thrown);
        Map<String, Object> body = new LinkedHashMap<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            body.put("error", "invalid value for field '" + field + "': " + mapping.getOriginalMessage().split("\n")[0]);
            body.put("field", field);
        } else if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            body.put("error", "malformed JSON: " + json.getOriginalMessage());
        } else if (e instanceof FieldException field) {
            body.put("error", field.getMessage());
            body.put("field", field.field());
        } else if (e instanceof InsufficientHistoryException history) {
            body.put("error", history.getMessage());
            body.put("have", history.have());
            body.put("need", history.need());
        } else if (e instanceof ConflictException conflict) {
            body.put("error", conflict.getMessage());
            body.putAll(conflict.details());
        } else if (e instanceof DataAccessException) {
            body.put("error", "the database is not available; try again shortly");
        } else if (e instanceof HttpOperationFailedException http) {
            body.put("error", "a bundle call failed with HTTP " + http.getStatusCode() + " from " + http.getUri());
        } else {
            body.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception impossible) {
            return "{\"error\":\"internal error\"}";
        }
    }

    public static int status(Throwable thrown) {
        Throwable e = cause(thrown);
        if (e instanceof CycleAlreadyRunningException) {
            return 409;
        }
        // the request was well formed but the symbol's session is too short for it
        if (e instanceof InsufficientHistoryException) {
            return 422;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof com.catalyst.desk.ReconciliationDesk.TradingHaltedException) {
            return 503;
        }
        if (e instanceof IllegalArgumentException || e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return 400;
        }
        if (e instanceof DataAccessException) {
            return 503;
        }
        if (e instanceof HttpOperationFailedException) {
            return 502;
        }
        return 500;
    }

    /** What the request names does not exist (an open position, an order): 404. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }

    /** The request is well formed but the state of things refuses it now (say why): 409. */
    public static final class ConflictException extends RuntimeException {
        private final Map<String, Object> details;

        public ConflictException(String message) {
            this(message, Map.of());
        }

        /** With {@code details}: fields added to the error body beside {@code error} (what the conflict is about). */
        public ConflictException(String message, Map<String, Object> details) {
            super(message);
            this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        public Map<String, Object> details() {
            return details;
        }
    }

    /** A bad request parameter, named. */
    public static final class FieldException extends IllegalArgumentException {
        private final String field;

        public FieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
