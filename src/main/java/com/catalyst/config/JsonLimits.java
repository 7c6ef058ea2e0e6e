package com.catalyst.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

import com.catalyst.request.NumberBounds;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a JSON body may hold, set once on the one ObjectMapper (Spring's, which Camel's Jackson data format discovers:
 * camel.dataformat.jackson.auto-discover-object-mapper), so every route and the MCP tools' calls read requests alike.
 * The parser refuses deep nesting, long numbers, long strings and names, duplicated keys and anything after the value;
 * the number deserializers
 * refuse decimals, doubles and epoch-second instants outside {@link NumberBounds} before any code computes with them. See docs/architecture.md.
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

    /** Request bodies nest a few levels (a cycle's summary: 4); 32 leaves room and stops a stack-eating body early. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Characters of one number: NumberBounds allows 15 integer digits and 20 decimals. */
    public static final int MAX_NUMBER_LENGTH = NumberBounds.MAX_TEXT_LENGTH;
    /** Characters of one string value: a reason, a path, a symbol list's items; far below the body limit. */
    public static final int MAX_STRING_LENGTH = 16 * 1024;
    /** Characters of one property name. */
    public static final int MAX_NAME_LENGTH = 256;

    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build();
    }

    /** Applies the limits to a mapper; Spring's gets them through {@link #jsonLimitsCustomizer()}. */
    public static ObjectMapper limited(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // {"limit":5}{"limit":500} is no JSON value: it is refused rather than read as its first half
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(boundedNumbersModule());
        return mapper;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimitsCustomizer() {
        return builder -> builder.postConfigurer(JsonLimits::limited);
    }

    public static Module boundedNumbersModule() {
        SimpleModule module = new SimpleModule("catalyst-bounded-numbers");
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.addDeserializer(Double.class, new BoundedDouble(Double.class, null));
        module.addDeserializer(Double.TYPE, new BoundedDouble(Double.TYPE, 0.0));
        module.addDeserializer(Instant.class, new BoundedInstant());
        return module;
    }

    private static InvalidFormatException outOfBounds(JsonParser p, Object value, Class<?> type) {
        String text = String.valueOf(value);
        String shown = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        return InvalidFormatException.from(p, "must be " + NumberBounds.RULE + ", got " + shown, value, type);
    }

    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = super.deserialize(p, ctxt);
            if (!NumberBounds.bounded(value)) {
                throw outOfBounds(p, value, BigDecimal.class);
            }
            return value;
        }
    }

    /** An instant sent as epoch seconds is a number like any other; as text it is ISO-8601 and Java's own range. */
    static final class BoundedInstant extends StdScalarDeserializer<Instant> {
        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isNumeric() && !NumberBounds.bounded(p.getDecimalValue())) {
                throw outOfBounds(p, p.getText(), Instant.class);
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    static final class BoundedDouble extends NumberDeserializers.DoubleDeserializer {
        BoundedDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            // NaN passes: it is how an indicator says "not yet" in the bundles' own answers; each field's owner checks it
            if (value != null && !value.isNaN() && !NumberBounds.bounded(value)) {
                throw outOfBounds(p, value, Double.class);
            }
            return value;
        }
    }
}
