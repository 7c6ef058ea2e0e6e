package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.catalyst.routing.ErrorBodies.ConflictException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk limits in force: the configured {@code catalyst.risk.*} values with the changes a trader made at run time
 * laid over them. A change is checked ({@link RiskLimitsChange}), written to {@code risk_limit_changes} (through
 * {@link RiskLimitChangeRepository}) and only then put in force, so what a restart finds is what was answered. Each decision reads one {@link RiskManager}, built for
 * one set of limits: a change never lands halfway through an evaluation.
 */
public class RiskLimitsBook {

    private static final Logger LOG = LoggerFactory.getLogger(RiskLimitsBook.class);

    private final RiskLimits configured;
    private final Supplier<SessionTime> session;
    private final RiskLimitChangeRepository recorded;
    private final ObjectMapper json;
    private final boolean allowShort;
    private volatile State state;

    /** The overrides and the manager built for them. */
    private record State(Map<String, Object> overrides, RiskManager manager, String changedAt) {
    }

    public RiskLimitsBook(RiskLimits configured, Supplier<SessionTime> session, RiskLimitChangeRepository recorded, ObjectMapper json) {
        this(configured, session, recorded, json, false);
    }

    /** {@code allowShort}: catalyst.trading.allow-short, whether the managers judge short entries (else they refuse them). */
    public RiskLimitsBook(RiskLimits configured, Supplier<SessionTime> session, RiskLimitChangeRepository recorded, ObjectMapper json,
                          boolean allowShort) {
        this.allowShort = allowShort;
        this.configured = configured;
        this.session = session;
        this.recorded = recorded;
        this.json = json;
    }

    /** The manager for the limits in force; the stored changes are read on first use (the database may start late). */
    public RiskManager manager() {
        return state().manager();
    }

    /** What GET /api/v1/risk/limits answers: the limits in force, the configured ones, and the overrides. */
    public Map<String, Object> view() {
        State s = state();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("in_force", RiskLimitsChange.describe(s.manager().limits()));
        out.put("configured", RiskLimitsChange.describe(configured));
        out.put("overrides", s.overrides());
        out.put("changed_at", s.changedAt());
        out.put("ranges", java.util.Arrays.stream(RiskLimit.values()).map(l -> Map.of("name", l.key(), "min", l.min(),
                "max", l.max(), "whole", l.whole(), "default", l.defaultValue(), "unit", l.unit(), "meaning", l.description())).toList());
        return out;
    }

    /**
     * Applies a change: {@code body} names limits and new values, optionally {@code reason}; {@code source} is
     * {@code mcp} for the gateway's tool, anything else counts as {@code rest}. Raising the daily loss limit after today's losses
     * have reached the one in force would lift the kill switch mid-session, so that is refused (409).
     */
    public synchronized Map<String, Object> update(Map<String, Object> body, String source, BigDecimal realizedToday) {
        Map<String, Object> request = new LinkedHashMap<>(body == null ? Map.of() : body);
        Object reason = request.remove("reason");
        Map<String, Object> changes = RiskLimitsChange.checked(request);
        State before = state();
        Map<String, Object> overrides = new LinkedHashMap<>(before.overrides());
        overrides.putAll(changes);
        RiskLimits next = RiskLimitsChange.apply(configured, overrides);
        BigDecimal realized = realizedToday == null ? BigDecimal.ZERO : realizedToday;
        RiskLimits current = before.manager().limits();
        if (RiskLimitsChange.liftsKillSwitch(current, next, realized)) {
            throw new ConflictException("max_daily_loss cannot be raised today: realized P&L today " + realized
                    + " has reached the limit in force " + current.maxDailyLoss() + " and the kill switch holds until the next session",
                    Map.of("limit", "max_daily_loss", "max_daily_loss", current.maxDailyLoss(), "realized_pnl_today", realized));
        }
        return record("mcp".equals(source) ? "mcp" : "rest", reason == null ? null : String.valueOf(reason), changes, overrides, current, next);
    }

    /**
     * Drops every run-time change: the configured limits are in force again. Refused (409) while the kill switch has
     * tripped today and the configured daily loss limit would lift it, as {@link #update} refuses raising it: the switch
     * holds until the next session, whichever way the limits are changed.
     */
    public synchronized Map<String, Object> reset(String reason, BigDecimal realizedToday) {
        BigDecimal realized = realizedToday == null ? BigDecimal.ZERO : realizedToday;
        RiskLimits current = state().manager().limits();
        if (RiskLimitsChange.liftsKillSwitch(current, configured, realized)) {
            throw new ConflictException("risk limits cannot be reset today: realized P&L today " + realized + " has reached max_daily_loss "
                    + current.maxDailyLoss() + " in force, and the configured " + configured.maxDailyLoss() + " would lift the kill switch,"
                    + " which holds until the next session; reset after the session, or change other limits with PUT /api/v1/risk/limits",
                    Map.of("limit", "max_daily_loss", "max_daily_loss", current.maxDailyLoss(), "configured_max_daily_loss",
                            configured.maxDailyLoss(), "realized_pnl_today", realized));
        }
        return record("reset", reason, Map.of(), Map.of(), current, configured);
    }

    private Map<String, Object> record(String source, String reason, Map<String, Object> requested, Map<String, Object> overrides,
                                       RiskLimits before, RiskLimits after) {
        String changedAt = recorded.record(new RiskLimitChangeRepository.Change(source, reason, requested, overrides,
                RiskLimitsChange.describe(before), RiskLimitsChange.describe(after)));
        state = new State(Map.copyOf(overrides), new RiskManager(after, session, allowShort), changedAt);
        LOG.warn("Risk limits changed ({}{}): {} -> in force {}", source, reason == null ? "" : ", " + reason,
                requested.isEmpty() ? "reset to configuration" : requested, RiskLimitsChange.describe(after));
        Map<String, Object> out = view();
        out.put("before", RiskLimitsChange.describe(before));
        return out;
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                if (state == null) {
                    state = load();
                }
                s = state;
            }
        }
        return s;
    }

    private State load() {
        Optional<RiskLimitChangeRepository.Latest> latest = recorded.latest();
        if (latest.isEmpty()) {
            return new State(Map.of(), new RiskManager(configured, session, allowShort), null);
        }
        try {
            Map<String, Object> stored = json.readValue(latest.get().overridesJson(), new TypeReference<Map<String, Object>>() { });
            // checked again: a range narrowed since the change was made must not let an old value through
            Map<String, Object> overrides = stored.isEmpty() ? Map.of() : RiskLimitsChange.checked(stored);
            RiskLimits limits = RiskLimitsChange.apply(configured, overrides);
            if (!overrides.isEmpty()) {
                LOG.warn("Risk limits changed at run time are in force (since {}): {}", latest.get().changedAt(), overrides);
            }
            return new State(Map.copyOf(overrides), new RiskManager(limits, session, allowShort), latest.get().changedAt());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.error("Stored risk limit changes cannot be used ({}); the configured limits are in force", e.getMessage());
            return new State(Map.of(), new RiskManager(configured, session, allowShort), null);
        }
    }
}
