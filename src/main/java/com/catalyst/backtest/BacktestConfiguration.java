package com.catalyst.backtest;

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
}
