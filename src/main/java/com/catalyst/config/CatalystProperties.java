package com.catalyst.config;

import com.catalyst.risk.RiskLimit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code catalyst.*} setting, typed and validated: a malformed or out-of-range value stops start-up with
 * a message naming the setting. Defaults live in application.yaml; the README lists the environment variables.
 */
@Validated
@ConfigurationProperties(prefix = "catalyst")
public record CatalystProperties(
        @Valid @NotNull Workflow workflow,
        @Valid @NotNull Market market,
        @Valid @NotNull Clock clock,
        @Valid @NotNull Scanner scanner,
        @Valid @NotNull Funnel funnel,
        @Valid @NotNull @DefaultValue Risk risk,
        @Valid @NotNull Broker broker,
        @Valid @NotNull Trading trading,
        @Valid @NotNull News news) {

    public record Workflow(
            @NotNull Duration interval,
            @DefaultValue("true") boolean autoStart,
            @NotNull @Pattern(regexp = "aggressive|normal|conservative", message = "must be aggressive, normal or conservative") String mode) {
    }

    public record Market(
            @NotNull @Pattern(regexp = "simulated|replay|alpaca", message = "must be simulated, replay or alpaca") String adapter,
            long seed,
            @Min(10) @Max(20000) int symbols,
            @DefaultValue("data") String replayDir,
            // where live minute bars are written in the replay format; empty: not recorded
            @DefaultValue("") String recordDir,
            @Valid @NotNull @DefaultValue Alpaca alpaca) {

        /** {@code catalyst.market.alpaca.*}: the Alpaca market adapter (docs/alpaca-market-data.md). */
        public record Alpaca(
                @NotNull @DefaultValue("iex") @Pattern(regexp = "(?i)iex|sip", message = "must be iex or sip") String feed,
                @NotNull @DefaultValue("https://data.alpaca.markets") java.net.URI dataUrl,
                // empty: wss://stream.data.alpaca.markets/v2/<feed>
                @DefaultValue("") String streamUrl,
                // an explicit universe instead of the ranked assets; empty: ranked
                @DefaultValue("") java.util.List<String> symbols,
                @DefaultValue("200") @Min(1) @Max(10000) int universeSize,
                @DefaultValue("30") @Min(1) @Max(10000) int streamLimit,
                @DefaultValue("100") @Min(1) @Max(1000) int barsBatch,
                @DefaultValue("500") @Min(1) @Max(1000) int snapshotBatch,
                @NotNull @DefaultValue("60s") Duration refreshInterval,
                @NotNull @DefaultValue("15m") Duration rankInterval) {
        }
    }

    public record Clock(
            @NotNull @Pattern(regexp = "simulated|real", message = "must be simulated or real") String mode,
            LocalDate sessionDate,
            @NotNull LocalTime startTime,
            @DecimalMin("0.0") @DecimalMax("3600.0") double speed) {
    }

    public record Scanner(
            @Min(1) @Max(1000) int topCandidates,
            @DecimalMin("0.01") BigDecimal minPrice,
            @DecimalMin("0.01") BigDecimal maxPrice,
            @Min(0) long minAverageVolume,
            @Min(2) @Max(390) int momentumBars,
            // the four minimums below are off at 0 (ScannerSettings documents each)
            @DecimalMin("0") @DecimalMax("100") double minRelativeVolume,
            @DecimalMin("0") @DecimalMax("100") double minGapPercent,
            @DecimalMin("0") @DecimalMax("100") double minMomentumPercent,
            @DecimalMin("0") @DecimalMax("100") double minAtrPercent,
            // the trader's watchlist, ranked by every scan (WatchlistBook): its size bounds the scan's extra work
            @Min(1) @Max(500) int watchlistMaxSymbols) {
    }

    public record Funnel(
            @Min(1) int afterNews,
            @Min(1) int afterPattern,
            @Min(1) int afterTechnical,
            @Min(1) @Max(50) int picks) {
    }

    /**
     * {@code catalyst.risk.*}: ranges and defaults from {@link com.catalyst.risk.RiskLimit}, the one table of the risk
     * limits (an absent setting takes the table's default).
     */
    public record Risk(
            @InRiskRange(RiskLimit.RISK_PER_TRADE) BigDecimal riskPerTrade,
            @InRiskRange(RiskLimit.MAX_OPEN_POSITIONS) Integer maxOpenPositions,
            @InRiskRange(RiskLimit.MAX_DAILY_LOSS) BigDecimal maxDailyLoss,
            @InRiskRange(RiskLimit.MAX_POSITION_SHARE) BigDecimal maxPositionShare,
            @InRiskRange(RiskLimit.MIN_PRICE) BigDecimal minPrice,
            @InRiskRange(RiskLimit.STOP_ATR_MULTIPLE) Double stopAtrMultiple,
            @InRiskRange(RiskLimit.REWARD_TO_RISK) Double rewardToRisk,
            @InRiskRange(RiskLimit.MAX_TOTAL_EXPOSURE_SHARE) BigDecimal maxTotalExposureShare,
            @InRiskRange(RiskLimit.NO_ENTRY_FIRST_MINUTES) Integer noEntryFirstMinutes,
            @InRiskRange(RiskLimit.NO_ENTRY_LAST_MINUTES) Integer noEntryLastMinutes,
            @InRiskRange(RiskLimit.MAX_SHORT_EXPOSURE_SHARE) BigDecimal maxShortExposureShare,
            @InRiskRange(RiskLimit.MAX_SHORT_POSITION_SHARE) BigDecimal maxShortPositionShare) {

        public Risk {
            riskPerTrade = riskPerTrade != null ? riskPerTrade : RiskLimit.RISK_PER_TRADE.defaultValue();
            maxOpenPositions = maxOpenPositions != null ? maxOpenPositions : RiskLimit.MAX_OPEN_POSITIONS.defaultValue().intValueExact();
            maxDailyLoss = maxDailyLoss != null ? maxDailyLoss : RiskLimit.MAX_DAILY_LOSS.defaultValue();
            maxPositionShare = maxPositionShare != null ? maxPositionShare : RiskLimit.MAX_POSITION_SHARE.defaultValue();
            minPrice = minPrice != null ? minPrice : RiskLimit.MIN_PRICE.defaultValue();
            stopAtrMultiple = stopAtrMultiple != null ? stopAtrMultiple : RiskLimit.STOP_ATR_MULTIPLE.defaultValue().doubleValue();
            rewardToRisk = rewardToRisk != null ? rewardToRisk : RiskLimit.REWARD_TO_RISK.defaultValue().doubleValue();
            maxTotalExposureShare = maxTotalExposureShare != null ? maxTotalExposureShare : RiskLimit.MAX_TOTAL_EXPOSURE_SHARE.defaultValue();
            noEntryFirstMinutes = noEntryFirstMinutes != null ? noEntryFirstMinutes : RiskLimit.NO_ENTRY_FIRST_MINUTES.defaultValue().intValueExact();
            noEntryLastMinutes = noEntryLastMinutes != null ? noEntryLastMinutes : RiskLimit.NO_ENTRY_LAST_MINUTES.defaultValue().intValueExact();
            maxShortExposureShare = maxShortExposureShare != null ? maxShortExposureShare : RiskLimit.MAX_SHORT_EXPOSURE_SHARE.defaultValue();
            maxShortPositionShare = maxShortPositionShare != null ? maxShortPositionShare : RiskLimit.MAX_SHORT_POSITION_SHARE.defaultValue();
        }

        /** The limits the risk manager works with. */
        public com.catalyst.risk.RiskLimits limits() {
            return new com.catalyst.risk.RiskLimits(riskPerTrade, maxOpenPositions, maxPositionShare, minPrice, maxDailyLoss,
                    stopAtrMultiple, rewardToRisk, maxTotalExposureShare, noEntryFirstMinutes, noEntryLastMinutes, maxShortExposureShare,
                    maxShortPositionShare);
        }

        /** The window must leave part of the 390-minute session open for entries. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        @jakarta.validation.constraints.AssertTrue(message = "no-entry-first-minutes + no-entry-last-minutes must leave part of the 390-minute session open")
        public boolean isEntryWindowOpen() {
            return noEntryFirstMinutes + noEntryLastMinutes < 390;
        }
    }

    public record Broker(
            @NotNull @Pattern(regexp = "paper|alpaca", message = "must be paper or alpaca") String adapter,
            @DecimalMin("1000") BigDecimal startingCash,
            @DecimalMin("0") @DecimalMax("500") double slippageBps,
            @DecimalMin("0") BigDecimal commissionPerShare,
            // paper partial fills: shares per fill and share of the bar's volume per fill (0 = no cap)
            @Min(0) @DefaultValue("0") int maxFillQuantity,
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double maxVolumeShare,
            // paper shorts: the symbols the paper broker will not lend (all others are shortable and easy to borrow)
            @DefaultValue("") java.util.List<String> hardToBorrow) {
    }

    public record Trading(
            @Min(0) @Max(390) long flattenMinutesBeforeClose,
            @NotNull @DefaultValue("5m") Duration reconcileInterval,
            @NotNull @DefaultValue("30s") Duration reconcileMinAge,
            // a limit price further than this share from the last price is refused (400), nothing sent
            @DecimalMin("0.001") @DecimalMax("1") @DefaultValue("0.10") double limitPriceBand,
            @Valid @NotNull @DefaultValue Exit exit,
            // short entries (docs/brokers.md, "Shorts"): off unless set; risk refuses a short while off
            @DefaultValue("false") boolean allowShort) {
    }

    /**
     * How entries exit (docs/brokers.md, "Exits"): {@code bracket} (a fixed stop and a target, the default) or a
     * trailing stop by {@code trail-percent} % or by ATR × {@code trail-atr-multiple}, placed when the entry fills.
     */
    public record Exit(
            @NotNull @Pattern(regexp = "bracket|trailing-percent|trailing-atr",
                    message = "must be bracket, trailing-percent or trailing-atr") @DefaultValue("bracket") String mode,
            @DecimalMin(value = "0.1", message = "must be at least 0.1 (percent)") @DecimalMax(value = "50", message = "must be at most 50 (percent)")
            @DefaultValue("2.0") double trailPercent,
            @DecimalMin(value = "0.1", message = "must be at least 0.1 (ATRs)") @DecimalMax(value = "20", message = "must be at most 20 (ATRs)")
            @DefaultValue("2.0") double trailAtrMultiple) {

        public com.catalyst.trading.ExitSettings settings() {
            return com.catalyst.trading.ExitSettings.of(mode, trailPercent, trailAtrMultiple);
        }
    }

    /** The news adapter and its sources' settings (docs/news.md): each network source asks anew only every refresh. */
    public record News(
            @NotNull @Pattern(regexp = "simulated|none|replay|alpaca|newsapi|alphavantage",
                    message = "must be simulated, none, replay, alpaca, newsapi or alphavantage") String adapter,
            @NotNull Duration timeout,
            @Min(1) @Max(168) int lookbackHours,
            @DefaultValue("data/news-replay/headlines.csv") String replayFile,
            @DefaultValue("https://data.alpaca.markets") java.net.URI alpacaUrl,
            @Min(1) @Max(200) @DefaultValue("50") int alpacaSymbolsPerRequest,
            @Min(1) @Max(100) @DefaultValue("10") int alpacaMaxPages,
            @NotNull @DefaultValue("1m") Duration alpacaRefresh,
            @Valid @NotNull @DefaultValue NewsApi newsapi,
            @Valid @NotNull @DefaultValue AlphaVantage alphavantage) {
    }

    /** adapter=newsapi (key NEWS_API_KEY): the developer plan's small daily allowance sets the defaults. */
    public record NewsApi(
            @NotNull @DefaultValue("https://newsapi.org") java.net.URI url,
            @Min(1) @DefaultValue("100") int requestsPerDay,
            @Min(1) @Max(50) @DefaultValue("20") int symbolsPerRequest,
            @Min(1) @Max(100) @DefaultValue("100") int pageSize,
            @DefaultValue("en") String language,
            @NotNull @DefaultValue("30m") Duration refresh,
            @NotNull @DefaultValue("10s") Duration requestTimeout,
            @Min(1) @Max(5) @DefaultValue("2") int maxAttempts,
            @NotNull @DefaultValue("1h") Duration coolDown) {
    }

    /** adapter=alphavantage (key ALPHA_VANTAGE_KEY): the free key's 25 requests a day set the defaults. */
    public record AlphaVantage(
            @NotNull @DefaultValue("https://www.alphavantage.co") java.net.URI url,
            @Min(1) @DefaultValue("25") int requestsPerDay,
            @Min(1) @Max(1000) @DefaultValue("1000") int limit,
            @NotNull @DefaultValue("UTC") java.time.ZoneId zone,
            @NotNull @DefaultValue("30m") Duration refresh,
            @NotNull @DefaultValue("10s") Duration requestTimeout,
            @Min(1) @Max(5) @DefaultValue("2") int maxAttempts,
            @NotNull @DefaultValue("1h") Duration coolDown) {
    }
}
