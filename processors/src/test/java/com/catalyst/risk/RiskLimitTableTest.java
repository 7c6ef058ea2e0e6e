package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one table of risk limits: coherent in itself, and the README's table of the risk settings is exactly what it generates. */
class RiskLimitTableTest {

    @Test
    void everyDefaultIsInsideItsRangeAndPassesTheRunTimeCheck() {
        for (RiskLimit limit : RiskLimit.values()) {
            assertThat(limit.allows(limit.defaultValue())).as(limit.key()).isTrue();
            assertThat(limit.min()).as(limit.key()).isLessThan(limit.max());
            Map<String, Object> checked = RiskLimitsChange.checked(Map.of(limit.key(), limit.defaultValue()));
            assertThat(new BigDecimal(checked.get(limit.key()).toString())).isEqualByComparingTo(limit.defaultValue());
        }
    }

    @Test
    void theKeysPropertiesAndVariablesFollowOneAnother() {
        assertThat(RiskLimit.REWARD_TO_RISK.property()).isEqualTo("catalyst.risk.reward-to-risk");
        assertThat(RiskLimit.REWARD_TO_RISK.environmentVariable()).isEqualTo("CATALYST_RISK_REWARD_TO_RISK");
        assertThat(Arrays.stream(RiskLimit.values()).map(RiskLimit::key)).doesNotHaveDuplicates()
                .containsExactlyElementsOf(RiskLimitsChange.describe(new RiskLimits(BigDecimal.ONE, 1, BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ONE, 1, 1, BigDecimal.ONE, 0, 0)).keySet());
    }

    @Test
    void theThreeOldDisagreementsAreSettledOnce() {
        // reward-to-risk 1.0 at start-up but 0.5 at run time; stop ATR multiple 0.1 against 0.5; positions 50 against 20
        assertThat(RiskLimit.REWARD_TO_RISK.min()).isEqualByComparingTo("1.0");
        assertThat(RiskLimit.STOP_ATR_MULTIPLE.min()).isEqualByComparingTo("0.5");
        assertThat(RiskLimit.MAX_OPEN_POSITIONS.max()).isEqualByComparingTo("20");
        assertThat(RiskLimit.REWARD_TO_RISK.allows(new BigDecimal("0.5"))).isFalse();
        assertThat(RiskLimit.MAX_OPEN_POSITIONS.allows(new BigDecimal("2.5"))).isFalse();
    }

    @Test
    void theReadmeTableIsTheGeneratedOne() throws IOException {
        Path readme = project().resolve("README.md");
        String text = Files.readString(readme);
        String start = "<!-- risk-limits: generated from RiskLimit.markdownTable() -->\n";
        String end = "<!-- /risk-limits -->";
        assertThat(text).contains(start).contains(end);
        String table = text.substring(text.indexOf(start) + start.length(), text.indexOf(end));
        assertThat(table).as("README.md's risk table; regenerate it from RiskLimit.markdownTable():%n%s", RiskLimit.markdownTable())
                .isEqualTo(RiskLimit.markdownTable());
    }

    private static Path project() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
