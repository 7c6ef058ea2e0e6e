package com.catalyst.backtest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@code catalyst.backtest.*}; the desk and the store are components. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BacktestProperties.class)
public class BacktestConfiguration {
}
