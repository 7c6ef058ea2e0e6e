package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyIdParsesBackToItsVerdict() {
        for (Verdict verdict : Verdict.values()) {
            assertThat(Verdict.of(verdict.id())).isSameAs(verdict);
            assertThat(verdict.toString()).as("text as the string was").isEqualTo(verdict.id());
        }
        assertThat(Verdict.values()).extracting(Verdict::id).containsExactly("approved", "resized", "rejected");
    }

    @Test
    void anyOtherValueIsRefusedByName() {
        assertThatThrownBy(() -> Verdict.of("maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("verdict must be approved, resized or rejected, got 'maybe'");
        assertThatThrownBy(() -> Verdict.of("APPROVED")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonCarriesTheId() throws Exception {
        assertThat(json.writeValueAsString(Verdict.RESIZED)).isEqualTo("\"resized\"");
        assertThat(json.readValue("\"rejected\"", Verdict.class)).isSameAs(Verdict.REJECTED);
        assertThatThrownBy(() -> json.readValue("\"maybe\"", Verdict.class)).hasMessageContaining("verdict must be approved, resized or rejected");
    }
}
