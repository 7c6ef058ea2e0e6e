package com.catalyst.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.catalyst.risk.RiskCheck;
import com.catalyst.risk.RiskRequest;
import com.catalyst.routing.ErrorBodies;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The one mapper's limits, on a mapper configured as Spring's is (snake_case, java.time) plus {@link JsonLimits#limited}. */
class JsonLimitsTest {

    private final ObjectMapper json = JsonLimits.limited(new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

    record Clocked(Instant asOf) {
    }

    @Test
    void readsWhatTheRoutesSend() throws Exception {
        RiskCheck check = json.readValue("{\"symbol\":\"AAPL\",\"side\":\"buy\",\"entry_price\":50.25,\"stop_price\":\"49\",\"quantity\":10}",
                RiskCheck.class);
        assertThat(check.entryPrice()).isEqualByComparingTo("50.25");
        assertThat(check.stopPrice()).isEqualByComparingTo("49");
        RiskRequest request = json.readValue("{\"size_multiplier\":1.5,\"proposals\":[{\"symbol\":\"AAPL\",\"atr\":\"NaN\",\"score\":0.7}]}",
                RiskRequest.class);
        assertThat(request.sizeMultiplier()).isEqualTo(1.5);
        // NaN is an indicator's "not yet" in the bundles' own answers: each field's owner decides about it
        assertThat(request.proposals().get(0).atr()).isNaN();
        assertThat(json.readValue("{\"as_of\":\"2026-01-06T15:30:00Z\"}", Clocked.class).asOf()).isEqualTo(Instant.parse("2026-01-06T15:30:00Z"));
        assertThat(json.readValue("{\"as_of\":1767713400}", Clocked.class).asOf()).isEqualTo(Instant.parse("2026-01-06T15:30:00Z"));
    }

    @Test
    @Timeout(5)
    void refusesUnboundedNumbersNamingTheField() {
        for (String body : new String[] {"{\"entry_price\":1e2000000000}", "{\"entry_price\":\"1e2000000000\"}", "{\"entry_price\":-1e16}",
                "{\"entry_price\":1e-2000000000}", "{\"entry_price\":0.000000000000000000001}"}) {
            assertThatThrownBy(() -> json.readValue(body, RiskCheck.class)).as(body).isInstanceOf(InvalidFormatException.class)
                    .satisfies(e -> assertThat(ErrorBodies.of(e)).contains("\"field\":\"entry_price\"").contains("below 10^15"));
        }
        for (String body : new String[] {"{\"size_multiplier\":1e400}", "{\"size_multiplier\":\"Infinity\"}", "{\"size_multiplier\":-1e300}"}) {
            assertThatThrownBy(() -> json.readValue(body, RiskRequest.class)).as(body).isInstanceOf(InvalidFormatException.class)
                    .satisfies(e -> assertThat(ErrorBodies.of(e)).contains("\"field\":\"size_multiplier\""));
        }
        assertThatThrownBy(() -> json.readValue("{\"as_of\":1e2000000000}", Clocked.class)).isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> json.readValue("{\"quantity\":1e30}", RiskCheck.class))
                .satisfies(e -> assertThat(ErrorBodies.of(e)).contains("out of range").contains("\"field\":\"quantity\""));
    }

    @Test
    void refusesDeepNestingLongNumbersLongStringsLongNamesAndDuplicatedKeys() {
        String deep = "{\"a\":".repeat(JsonLimits.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(JsonLimits.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> json.readValue(deep, Map.class)).isInstanceOf(StreamConstraintsException.class)
                .satisfies(e -> assertThat(ErrorBodies.of(e)).contains("nesting depth").doesNotContain("StreamReadConstraints"));
        String shallow = "{\"a\":".repeat(JsonLimits.MAX_NESTING_DEPTH) + "1" + "}".repeat(JsonLimits.MAX_NESTING_DEPTH);
        assertThat(readsAsMap(shallow)).isTrue();
        assertThatThrownBy(() -> json.readValue("{\"a\":" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}", Map.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> json.readValue("{\"a\":\"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}", Map.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> json.readValue("{\"" + "k".repeat(JsonLimits.MAX_NAME_LENGTH + 1) + "\":1}", Map.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> json.readValue("{\"max_open_positions\":3,\"max_open_positions\":30}", Map.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> json.readValue("{\"max_open_positions\":3}{\"max_open_positions\":30}", Map.class))
                .as("a second value after the first").isInstanceOf(JsonProcessingException.class);
    }

    private boolean readsAsMap(String body) {
        try {
            return json.readValue(body, Map.class) != null;
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void springsMapperGetsTheLimitsThroughTheCustomizer() throws Exception {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new JsonLimits().jsonLimitsCustomizer().customize(builder);
        ObjectMapper spring = builder.build();

        assertThat(spring.getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(JsonLimits.MAX_NESTING_DEPTH);
        assertThat(spring.getFactory().streamReadConstraints().getMaxNumberLength()).isEqualTo(JsonLimits.MAX_NUMBER_LENGTH);
        assertThat(spring.getFactory().streamReadConstraints().getMaxStringLength()).isEqualTo(JsonLimits.MAX_STRING_LENGTH);
        assertThatThrownBy(() -> spring.readValue("{\"a\":1,\"a\":2}", Map.class)).hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> spring.readValue("1e2000000000", BigDecimal.class)).isInstanceOf(InvalidFormatException.class);
        assertThat(spring.readValue("12.5", BigDecimal.class)).isEqualByComparingTo("12.5");
    }
}
