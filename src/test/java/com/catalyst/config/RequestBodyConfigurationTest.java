package com.catalyst.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RequestBodyConfigurationTest {

    @Test
    void aRestPathBecomesAPatternWithOneSegmentPerParameter() {
        Pattern cancel = RequestBodyConfiguration.RestWriteRoutes.template("/api/v1/trading" + "/orders/{client_order_id}");

        assertThat(cancel.matcher("/api/v1/trading/orders/CAT-MAN-1").matches()).isTrue();
        assertThat(cancel.matcher("/api/v1/trading/orders/a/b").matches()).isFalse();
        assertThat(cancel.matcher("/api/v1/trading/orders").matches()).isFalse();
        assertThat(RequestBodyConfiguration.RestWriteRoutes.template("/api/v1/backtests/").matcher("/api/v1/backtests").matches()).isTrue();
        assertThat(RequestBodyConfiguration.RestWriteRoutes.template("/api/v1/x.y").matcher("/api/v1/xzy").matches()).as("dots are literal").isFalse();
    }
}
