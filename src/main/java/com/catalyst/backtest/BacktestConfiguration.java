package com.catalyst.backtest;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@code catalyst.backtest.*} and the steps the bundles' backtest routes call; the desk and the store are components. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BacktestProperties.class, SweepProperties.class})
public class BacktestConfiguration {

    /** Stateless: each call works on the run its {@link BacktestCycle} carries. */
    @Bean
    public BacktestStages backtestStages() {
        return new BacktestStages();
    }

    /** The bundles' backtest routes call one processor a step ({@link BacktestStep}): bound before the routes start. */
    @Bean
    public CamelContextConfiguration backtestSteps(BacktestStages stages) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                BacktestStep.bindAll(camelContext.getRegistry(), stages);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing: the steps are bound before the routes start
            }
        };
    }
}
