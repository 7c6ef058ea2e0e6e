package com.catalyst.workflow;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.clock.TradingClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The workflow's bookkeeping around a cycle: one cycle at a time, its {@code YYYYMMDD-NNN} id, what the record keeps
 * of it at its start (written by CycleRepository), and the cycle id in the logging context so that every log line of
 * the cycle carries it.
 */
@Component("cycleDesk")
public class CycleDesk {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final TradingClock clock;
    private final CatalystProperties props;
    private final ObjectMapper json;
    private final AtomicBoolean running = new AtomicBoolean(false);
    private volatile String mode;
    private volatile boolean timerEnabled;

    public CycleDesk(TradingClock clock, CatalystProperties props, ObjectMapper json) {
        this.clock = clock;
        this.props = props;
        this.json = json;
        this.mode = props.workflow().mode();
        this.timerEnabled = props.workflow().autoStart();
    }

    /** The timer runs a cycle only while trading is started and the market is open. */
    public boolean scheduledRunDue() {
        return timerEnabled && clock.isMarketOpen();
    }

    /** Starts the timed cycles, in {@code mode} when one is given (a bad one is refused before anything starts). */
    public Map<String, Object> start(String newMode) {
        if (newMode != null && !newMode.isBlank()) {
            setMode(newMode);
        }
        return enableTimer(true);
    }

    public Map<String, Object> enableTimer(boolean enabled) {
        this.timerEnabled = enabled;
        return status();
    }

    public Map<String, Object> status() {
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("trading", timerEnabled ? "started" : "stopped");
        status.put("cycle_running", running.get());
        status.put("market_open", clock.isMarketOpen());
        status.put("session_time", clock.now().toString());
        status.put("mode", mode);
        status.put("interval_seconds", props.workflow().interval().toSeconds());
        return status;
    }

    /** Records why a cycle failed, for its row and its report. */
    public void fail(CycleState state, Throwable cause) {
        state.failureReason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Claims the single cycle slot; a second cycle while one runs is refused, never queued. */
    public void claim() {
        if (!running.compareAndSet(false, true)) {
            throw new CycleAlreadyRunningException();
        }
    }

    public void release() {
        running.set(false);
        MDC.remove("cycleId");
    }

    public boolean isRunning() {
        return running.get();
    }

    public boolean marketOpen() {
        return clock.isMarketOpen();
    }

    public String mode() {
        return mode;
    }

    public void setMode(String newMode) {
        this.mode = TradingMode.of(newMode).id();
    }

    /** The session the clock is in: today on the exchange, or the simulated or replayed day. */
    public java.time.LocalDate sessionDate() {
        return clock.sessionDate();
    }

    /** Opens the session's cycle number {@code next} (CycleRepository.nextNumber) with the desk's mode. */
    public CycleState open(int next) {
        String cycleId = clock.sessionDate().format(DAY) + "-" + String.format("%03d", next);
        MDC.put("cycleId", cycleId);
        return new CycleState(cycleId, TradingMode.of(mode), clock.sessionDate(), clock.now(), clock.minutesToClose(), Instant.now());
    }

    /** What the record keeps of the cycle at its start: its mode and the limits and settings it runs under. */
    public CycleStart start(CycleState state) throws JsonProcessingException {
        return new CycleStart(state.cycleId, state.mode, props.risk().maxOpenPositions(), props.risk().maxDailyLoss(),
                state.mode.sizeMultiplier(), props.risk().riskPerTrade(), props.workflow().interval().toSeconds(), state.asOf,
                json.writeValueAsString(Map.of("funnel", props.funnel(), "scanner", props.scanner(), "risk", props.risk(), "mode", state.mode.id())));
    }

    /** The Redis cycle-state value: what a second process or an operator needs to see the cycle in flight. */
    public String redisState(CycleState state, String step) throws JsonProcessingException {
        return json.writeValueAsString(Map.of("cycle_id", state.cycleId, "step", step, "mode", state.mode.id(),
                "session_time", state.asOf.toString(), "updated_at", Instant.now().toString()));
    }

    /** A cycle asked for while another runs. */
    public static final class CycleAlreadyRunningException extends RuntimeException {
        public CycleAlreadyRunningException() {
            super("a trading cycle is already running; wait for it to finish");
        }
    }
}
