package com.catalyst.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A sweep's trials through Kafka (docs/research.md): the dispatch where {@code catalyst.sweep.engine=kafka} and the
 * worker's bean, which routes/backtest-worker.camel.yaml calls where the process is a worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SweepKafkaProperties.class)
public class SweepKafkaConfiguration {

    @Bean
    @ConditionalOnProperty(name = "catalyst.sweep.engine", havingValue = "kafka")
    SweepTrialDispatch sweepTrialDispatch(CamelContext camel, SweepKafkaProperties kafka, ObjectMapper json) {
        if (kafka.bootstrapServers().isBlank()) {
            throw new IllegalStateException("CATALYST_SWEEP_ENGINE=kafka needs KAFKA_BOOTSTRAP_SERVERS (catalyst.sweep.kafka.bootstrap-servers)");
        }
        return new SweepTrialDispatch(camel, kafka, json);
    }

    @Bean
    SweepWorker sweepWorker(SweepTrials trials, ObjectMapper json) {
        return new SweepWorker(trials, json);
    }
}
