package com.catalyst.health;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.workflow.CycleDesk.CycleAlreadyRunningException;
import com.catalyst.workflow.CycleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A cycle that was running when the database went away cannot record its own failure, so its row stays 'active'.
 * While no cycle runs (it holds the workflow's single cycle slot meanwhile), every 'active' row is such a leftover:
 * this marks it failed with the reason, so the record never shows a cycle as running that is not.
 */
@Component
@ConditionalOnProperty(name = "catalyst.bundle.workflow.enabled", havingValue = "true")
public class InterruptedCycleReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedCycleReconciler.class);

    private final CycleDesk cycles;
    private final DependencyProbe probe;
    private final CycleRepository record;

    public InterruptedCycleReconciler(CycleDesk cycles, DependencyProbe probe, CycleRepository record) {
        this.cycles = cycles;
        this.probe = probe;
        this.record = record;
    }

    @Scheduled(fixedDelayString = "${catalyst.workflow.reconcile-interval-ms:10000}", initialDelayString = "${catalyst.workflow.reconcile-interval-ms:10000}")
    public void reconcile() {
        if (!probe.isDatabaseUp()) {
            return;
        }
        try {
            cycles.claim();
        } catch (CycleAlreadyRunningException running) {
            return; // a live cycle owns its row; try again later
        }
        try {
            int marked = record.failInterrupted("interrupted: the cycle could not record its end (database or process went away)");
            if (marked > 0) {
                LOG.warn("Marked {} interrupted cycle(s) failed: they were running when the database or the process went away", marked);
            }
        } catch (RuntimeException e) {
            LOG.debug("Interrupted cycles not reconciled yet: {}", e.getMessage());
        } finally {
            cycles.release();
        }
    }
}
