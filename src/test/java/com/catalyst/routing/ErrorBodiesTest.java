package com.catalyst.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import com.catalyst.config.JsonLimits;
import com.catalyst.risk.RiskCheck;
import com.catalyst.trading.ManualOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;

/** What the rest-api policy answers for a failure: the status and a body with no Java in it. */
class ErrorBodiesTest {

    private final ObjectMapper json = JsonLimits.limited(new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

    private Throwable reading(String body, Class<?> type) {
        Throwable thrown = catchThrowable(() -> json.readValue(body, type));
        assertThat(thrown).as(body).isNotNull();
        return thrown;
    }

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("com.").doesNotContain("java.").doesNotContain("`")
                .doesNotContain("StreamReadConstraints").doesNotContain("[Source").doesNotContain(".java");
    }

    @Test
    void aHaltIsA503ThatSaysWhy() {
        // the trader acts on it (wait for the reconciliation, for bars): it says why, not "internal error"
        var halted = new com.catalyst.trading.ReconciliationDesk.TradingHaltedException("no entries: the market data is stale (no bar for 240 s)");

        assertThat(ErrorBodies.status(halted)).isEqualTo(503);
        assertThat(ErrorBodies.of(halted)).isEqualTo("{\"error\":\"no entries: the market data is stale (no bar for 240 s)\"}");
    }

    @Test
    void aValueOutsideAnEnumsVocabularyIsNamedWithWhatIsAllowed() {
        Throwable verdict = reading("{\"cycle_id\":\"20260106-001\",\"decisions\":[{\"symbol\":\"AAPL\",\"side\":\"long\",\"verdict\":\"maybe\"}]}",
                com.catalyst.trading.TradeRequest.class);
        assertThat(ErrorBodies.status(verdict)).isEqualTo(400);
        assertThat(ErrorBodies.of(verdict)).isEqualTo("{\"error\":\"invalid value for field 'decisions.[0].verdict': verdict must be approved,"
                + " resized or rejected, got 'maybe'\",\"field\":\"decisions.[0].verdict\"}");
        Throwable side = reading("{\"decisions\":[{\"symbol\":\"AAPL\",\"side\":\"buy\",\"verdict\":\"approved\"}]}",
                com.catalyst.trading.TradeRequest.class);
        assertThat(ErrorBodies.of(side)).contains("'decisions.[0].side': position side must be long or short, got 'buy'");
        assertNoInternals(ErrorBodies.of(side));
    }

    @Test
    void wrongJsonTypesAreNamedInJsonsWords() {
        assertThat(ErrorBodies.of(reading("[]", RiskCheck.class))).isEqualTo("{\"error\":\"malformed JSON: expected an object\"}");
        assertThat(ErrorBodies.of(reading("\"x\"", ManualOrder.class))).isEqualTo("{\"error\":\"malformed JSON: expected an object\"}");
        assertThat(ErrorBodies.of(reading("{\"entry_price\":[1]}", RiskCheck.class)))
                .isEqualTo("{\"error\":\"invalid value for field 'entry_price': expected a number\",\"field\":\"entry_price\"}");
        assertThat(ErrorBodies.of(reading("{\"quantity\":\"ten\"}", RiskCheck.class)))
                .contains("invalid value for field 'quantity': expected a whole number");
        assertThat(ErrorBodies.of(reading("{\"symbol\":{}}", RiskCheck.class))).contains("'symbol': expected a string");
        assertThat(ErrorBodies.of(reading("{}", String.class))).isEqualTo("{\"error\":\"malformed JSON: expected a string\"}");
        assertThat(ErrorBodies.status(reading("[]", RiskCheck.class))).isEqualTo(400);
    }

    @Test
    void malformedJsonSaysWhereWithoutTheParsersInternals() {
        for (String body : new String[] {"{\"symbol\":\"AAPL\"", "{'symbol':'AAPL'}", "{\"a\":NaN}", "{\"a\":1,}", "{\"a\":01}", "tru",
                "{\"a\":\"\u0001\"}", "{\"a\":1}{", "{\"a\":1,\"a\":2}", "[".repeat(100) + "]".repeat(100)}) {
            Throwable thrown = reading(body, Map.class);
            String answer = ErrorBodies.of(thrown);
            assertThat(ErrorBodies.status(thrown)).as(body).isEqualTo(400);
            assertThat(answer).as(body).containsAnyOf("malformed JSON", "exceeds a limit");
            assertNoInternals(answer);
        }
    }

    @Test
    void camelsWrappersAreLookedThrough() {
        Throwable wrapped = new RuntimeCamelException(reading("{\"entry_price\":true}", RiskCheck.class));

        assertThat(ErrorBodies.status(wrapped)).isEqualTo(400);
        assertThat(ErrorBodies.of(wrapped)).contains("\"field\":\"entry_price\"");
    }

    @Test
    void anEmptyBodyIs400() {
        Throwable empty = new NoTypeConversionAvailableException(null, java.io.InputStream.class);

        assertThat(ErrorBodies.status(empty)).isEqualTo(400);
        assertThat(ErrorBodies.of(empty)).isEqualTo("{\"error\":\"a JSON body is required\"}");
    }

    @Test
    void aFaultOfOursIs500WithoutItsMessage() {
        Throwable npe = new NullPointerException("Cannot invoke \"com.catalyst.risk.RiskRequest.proposals()\" because \"request\" is null");

        assertThat(ErrorBodies.status(npe)).isEqualTo(500);
        assertThat(ErrorBodies.of(npe)).isEqualTo("{\"error\":\"internal error: the request could not be completed; the log has the details\"}");
        assertNoInternals(ErrorBodies.of(new IllegalStateException()));
    }

    @Test
    void theRecordsRefusalsAreTold() {
        assertThat(ErrorBodies.status(new DataIntegrityViolationException("fk"))).isEqualTo(422);
        assertThat(ErrorBodies.of(new DataIntegrityViolationException("insert violates foreign key constraint \"x_fkey\""))).doesNotContain("fkey");
        assertThat(ErrorBodies.status(new DataAccessResourceFailureException("down"))).isEqualTo(503);
    }

    @Test
    void ourOwnMessagesPassButJavaNamesInThemDoNot() {
        assertThat(ErrorBodies.of(new IllegalArgumentException("no limit to change: name at least one of [risk_per_trade]")))
                .isEqualTo("{\"error\":\"no limit to change: name at least one of [risk_per_trade]\"}");
        assertThat(ErrorBodies.readable("Cannot construct instance of `com.catalyst.risk.RiskCheck`: bad")).isEqualTo("Cannot construct instance of value: bad");
        assertThat(ErrorBodies.readable("at com.catalyst.risk.RiskDesk.evaluate(RiskDesk.java:42)")).doesNotContain("RiskDesk");
        assertThat(ErrorBodies.readable("java.lang.NumberFormatException: x")).isEqualTo("the request could not be read");
        assertThat(ErrorBodies.readable("rule limit_price_band: 'limit_price' 60 is 20.0% from the last price 50 of BRK.B")).contains("BRK.B");
    }

    @Test
    void aFaultIsLoggedWithItsStackTraceAndARefusalIsNot() {
        Exchange fault = new DefaultExchange(new DefaultCamelContext());
        fault.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
        fault.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("a bug"));
        assertThatNoException().isThrownBy(() -> ErrorPolicies.logFault(fault));
        fault.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
        assertThatNoException().isThrownBy(() -> ErrorPolicies.logFault(fault));
    }
}
