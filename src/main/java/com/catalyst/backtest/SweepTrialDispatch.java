package com.catalyst.backtest;

import java.util.Collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Puts a sweep's trials on the trials topic for the workers (CATALYST_SWEEP_ENGINE=kafka, docs/research.md), one
 * message a trial, keyed by the trial's id, each acknowledged by every in-sync replica before the next is sent.
 */
public class SweepTrialDispatch {

    private final ProducerTemplate template;
    private final Endpoint topic;
    private final ObjectMapper json;

    public SweepTrialDispatch(CamelContext camel, SweepKafkaProperties kafka, ObjectMapper json) {
        this.template = camel.createProducerTemplate();
        this.topic = camel.getEndpoint("kafka:" + kafka.topic() + "?brokers=" + kafka.bootstrapServers() + "&requestRequiredAcks=all");
        this.json = json;
    }

    public void send(long sweepId, Collection<Integer> trialNos) {
        for (int trialNo : trialNos) {
            SweepTrialMessage message = new SweepTrialMessage(sweepId, trialNo);
            try {
                template.sendBodyAndHeader(topic, json.writeValueAsString(message), KafkaConstants.KEY, message.key());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
