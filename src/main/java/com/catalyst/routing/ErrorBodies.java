package com.catalyst.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.catalyst.workflow.CycleDesk.CycleAlreadyRunningException;
import com.catalyst.market.InsufficientHistoryException;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;

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
            body.put("error", "invalid value for field '" + field + "': " + mappingProblem(mapping));
            body.put("field", field);
        } else if (e instanceof JsonMappingException mapping) {
            body.put("error", "malformed JSON: " + mappingProblem(mapping));
        } else if (e instanceof StreamConstraintsException limit) {
            body.put("error", "the body exceeds a limit: " + readable(limit.getOriginalMessage()));
        } else if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            body.put("error", "malformed JSON: " + readable(json.getOriginalMessage()));
        } else if (missingBody(e)) {
            body.put("error", "a JSON body is required");
        } else if (e instanceof FieldException field) {
            body.put("error", readable(field.getMessage()));
            body.put("field", field.field());
        } else if (e instanceof TooManyRequestsException busy) {
            body.put("error", busy.getMessage());
            body.put("retry_after_seconds", busy.retryAfterSeconds());
        } else if (e instanceof InsufficientHistoryException history) {
            body.put("error", history.getMessage());
            body.put("have", history.have());
            body.put("need", history.need());
        } else if (e instanceof ConflictException conflict) {
            body.put("error", conflict.getMessage());
            body.putAll(conflict.details());
        } else if (e instanceof com.catalyst.trading.ReconciliationDesk.TradingHaltedException halted) {
            // a 503 the trader can act on (a reconciliation pending, stale market data): ours to say, not an internal fault
            body.put("error", halted.getMessage());
        } else if (e instanceof DataIntegrityViolationException) {
            body.put("error", "the record refuses this request: it names a cycle, order or position the record does not hold,"
                    + " or repeats one it does");
        } else if (e instanceof DataAccessException) {
            body.put("error", "the database is not available; try again shortly");
        } else if (e instanceof HttpOperationFailedException http) {
            body.put("error", "a bundle call failed with HTTP " + http.getStatusCode() + " from " + http.getUri());
        } else if (status(e) >= 500 || e.getMessage() == null) {
            // a fault of ours, not of the request: the log has it (ErrorPolicies), the client gets no internals
            body.put("error", status(e) >= 500 ? "internal error: the request could not be completed; the log has the details"
                    : "the request was refused");
        } else {
            body.put("error", readable(e.getMessage()));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception impossible) {
            return "{\"error\":\"internal error\"}";
        }
    }

    /** What was wrong with a value, in JSON's words (a number, an object) rather than Java's types. */
    private static String mappingProblem(JsonMappingException mapping) {
        // the bound of a number (JsonLimits): its message is written for the client
        if (mapping instanceof InvalidFormatException format && format.getOriginalMessage().startsWith("must be ")) {
            return readable(format.getOriginalMessage());
        }
        // a value its type's factory refused (an enum's of: an order side, a verdict): the factory's message names what is allowed
        if (mapping instanceof ValueInstantiationException && mapping.getCause() instanceof IllegalArgumentException refused
                && refused.getMessage() != null) {
            return readable(refused.getMessage());
        }
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String expected = target == null ? null : jsonKind(target);
        if (mapping.getCause() instanceof InputCoercionException) {
            return "the number is out of range" + (expected == null ? "" : "; expected " + expected);
        }
        if (expected != null) {
            return "expected " + expected;
        }
        return readable(mapping.getOriginalMessage());
    }

    /** The JSON a Java type is read from, as a client would say it. */
    static String jsonKind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an instant as 2026-01-06T15:30:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static final Pattern CODE = Pattern.compile("`[^`]*`|\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*\\b");

    /**
     * A message fit for a client: its first line, without the parser's source excerpt or Java names (a class, a
     * constraint's getter); if a Java name or "Exception" is still there, a plain sentence instead.
     */
    static String readable(String message) {
        if (message == null || message.isBlank()) {
            return "the request could not be read";
        }
        String text = message.split("\n")[0];
        int source = text.indexOf("[Source:");
        if (source >= 0) {
            int open = text.lastIndexOf(" (", source);
            text = text.substring(0, open >= 0 ? open : source).trim();
        }
        text = text.replaceAll(",? from `[^`]*`", "").replaceAll(" \\(token `[^`]*`\\)", "");
        if (text.contains("Exception") || text.contains(".java") || text.contains("\\")) {
            return "the request could not be read";
        }
        text = CODE.matcher(text).replaceAll("value");
        if (text.contains("java.") || text.isBlank()) {
            return "the request could not be read";
        }
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    /** An empty body reached a route that reads JSON: Camel finds nothing to convert. */
    private static boolean missingBody(Throwable e) {
        return e instanceof NoTypeConversionAvailableException conversion && conversion.getValue() == null;
    }

    public static int status(Throwable thrown) {
        Throwable e = cause(thrown);
        if (missingBody(e)) {
            return 400;
        }
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
        if (e instanceof TooManyRequestsException) {
            return 429;
        }
        if (e instanceof com.catalyst.trading.ReconciliationDesk.TradingHaltedException) {
            return 503;
        }
        if (e instanceof IllegalArgumentException || e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return 400;
        }
        // the request named something the record does not hold (a foreign key) or repeated a unique one
        if (e instanceof DataIntegrityViolationException) {
            return 422;
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

    /** The value of a Retry-After header for the failure, or null when it has none. */
    public static String retryAfter(Throwable thrown) {
        return cause(thrown) instanceof TooManyRequestsException busy ? Long.toString(busy.retryAfterSeconds()) : null;
    }

    /** The request is fine but the service is at capacity now: 429 with Retry-After (seconds). */
    public static final class TooManyRequestsException extends RuntimeException {
        private final long retryAfterSeconds;

        public TooManyRequestsException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
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
