package com.catalyst.backtest;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of routes/backtest-worker.camel.yaml: reads a trial's id from the message, has it run
 * ({@link SweepTrials}), and only then commits the message's offset. A message that is not a trial id is logged and
 * committed (it would never become one); anything thrown before the commit leaves the offset where it was, so the
 * group takes the trial again.
 */
public class SweepWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SweepWorker.class);

    private final SweepTrials trials;
    private final ObjectMapper json;

    public SweepWorker(SweepTrials trials, ObjectMapper json) {
        this.trials = trials;
        this.json = json;
    }

    public SweepTrials.Taken take(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        SweepTrials.Taken taken;
        SweepTrialMessage trial = parse(body);
        if (trial == null) {
            LOG.warn("Skipped a message on the trials topic that is not a trial id: {}", abbreviate(body));
            taken = null;
        } else {
            taken = trials.run(trial.sweepId(), trial.trialNo());
            LOG.debug("Sweep {} trial {}: {}", trial.sweepId(), trial.trialNo(), taken);
        }
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
        return taken;
    }

    private SweepTrialMessage parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            SweepTrialMessage message = json.readValue(body, SweepTrialMessage.class);
            return message.sweepId() > 0 && message.trialNo() > 0 ? message : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "(empty)" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
