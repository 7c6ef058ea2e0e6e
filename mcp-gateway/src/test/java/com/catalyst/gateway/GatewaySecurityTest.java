package com.catalyst.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.catalyst.gateway.security.TokenBucket;
import com.catalyst.gateway.tools.ArgumentChecker;
import com.catalyst.gateway.tools.ToolArgument;
import com.catalyst.gateway.tools.ToolArgumentException;
import com.catalyst.gateway.tools.ToolCatalog;
import com.catalyst.security.ApiKeyCheck;
import org.junit.jupiter.api.Test;

/** The gateway's pieces that need no server: the bucket, the key check, argument checks, the catalog. */
class GatewaySecurityTest {

    @Test
    void bucketAllowsTheBurstThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(100, 20, now::get);
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
        assertThat(bucket.tryAcquire()).isEqualTo(1); // 0.6 s to the next token, rounded up
        now.addAndGet(600_000_000L);
        assertThat(bucket.tryAcquire()).isZero();
    }

    @Test
    void keyIsComparedWholeAndNeverEchoed() {
        ApiKeyCheck check = new ApiKeyCheck("s3cret-key");
        assertThat(check.accepts("Bearer s3cret-key")).isTrue();
        assertThat(check.accepts("bearer s3cret-key")).isTrue();
        assertThat(check.accepts("Bearer s3cret-ke")).isFalse();
        assertThat(check.accepts("s3cret-key")).isFalse();
        assertThat(check.accepts(null)).isFalse();
        assertThat(ApiKeyCheck.identity("Bearer s3cret-key")).startsWith("key:").doesNotContain("s3cret");
        assertThat(new GatewayProperties("http", "s3cret-key", List.of(), new GatewayProperties.RateLimit(100, 20), 1000).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void badArgumentsNameTheArgumentAndWhatItAccepts() {
        List<ToolArgument> args = List.of(ToolArgument.symbol("ticker"), ToolArgument.integer("limit", "how many", 10, 1, 50),
                ToolArgument.oneOf("mode", "mode", "normal", "aggressive", "normal", "conservative"));
        assertThat(ArgumentChecker.check("t", args, Map.of("symbol", "aapl"))).containsEntry("symbol", "AAPL").containsEntry("limit", 10);
        assertThatThrownBy(() -> ArgumentChecker.check("t", args, Map.of("symbol", "AAPL", "limit", 51)))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("'limit' must be between 1 and 50");
        assertThatThrownBy(() -> ArgumentChecker.check("t", args, Map.of("symbol", "AAPL", "mode", "yolo")))
                .hasMessageContaining("[aggressive, normal, conservative]");
        assertThatThrownBy(() -> ArgumentChecker.check("t", args, Map.of("symbol", "AAPL", "size", 1)))
                .hasMessageContaining("Unknown argument 'size'").hasMessageContaining("symbol, limit, mode");
        assertThatThrownBy(() -> ArgumentChecker.check("t", args, Map.of())).hasMessageContaining("Missing required argument 'symbol'");
    }

    @Test
    void catalogHasTheThirtyThreeToolsWithValidNames() {
        assertThat(new ToolCatalog().all()).hasSize(33)
                .allSatisfy(t -> assertThat(t.name()).matches("[a-z_]{1,64}"))
                .allSatisfy(t -> assertThat(t.description()).hasSizeGreaterThan(60));
    }
}
