package com.catalyst.config;

import com.catalyst.risk.RiskLimitsBook;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.news.CatalystClassifier;
import com.catalyst.news.NewsAnalyzer;
import com.catalyst.news.NewsPort;
import com.catalyst.news.SentimentScorer;
import com.catalyst.pattern.PatternLookup;
import com.catalyst.pattern.PatternStage;
import com.catalyst.risk.RiskLimitChangeRepository;
import com.catalyst.risk.RiskLimits;
import com.catalyst.risk.SessionTime;
import com.catalyst.scanner.MarketScanner;
import com.catalyst.scanner.ScannerSettings;
import com.catalyst.technical.TechnicalSeries;
import com.catalyst.technical.TechnicalStage;
import com.catalyst.trading.ExitPlanner;
import com.catalyst.workflow.CycleFunnel;
import com.catalyst.workflow.FunnelSizes;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processors the YAML routes call by bean name, built from the typed settings. */
@Configuration(proxyBeanMethods = false)
public class ProcessorConfiguration {

    @Bean
    MarketScanner marketScanner(MarketDataPort market, CatalystProperties props) {
        CatalystProperties.Scanner s = props.scanner();
        return new MarketScanner(market, new ScannerSettings(s.minPrice().doubleValue(), s.maxPrice().doubleValue(),
                s.minAverageVolume(), s.momentumBars(), s.minRelativeVolume(), s.minGapPercent(), s.minMomentumPercent(),
                s.minAtrPercent()));
    }

    @Bean
    NewsAnalyzer newsAnalyzer(NewsPort news, CatalystProperties props) {
        return new NewsAnalyzer(news, new SentimentScorer(), new CatalystClassifier(),
                java.time.Duration.ofHours(props.news().lookbackHours()));
    }

    @Bean
    PatternStage patternStage(MarketDataPort market, CatalystProperties props) {
        return new PatternStage(market, props.trading().allowShort());
    }

    @Bean
    TechnicalStage technicalStage(MarketDataPort market) {
        return new TechnicalStage(market);
    }

    @Bean
    TechnicalSeries technicalSeries(MarketDataPort market) {
        return new TechnicalSeries(market, TechnicalStage.SETTINGS);
    }

    @Bean
    PatternLookup patternLookup(MarketDataPort market) {
        return new PatternLookup(market);
    }

    /** The configured limits with the trader's run-time changes over them (risk_limit_changes). */
    @Bean
    RiskLimitsBook riskLimitsBook(CatalystProperties props, TradingClock clock, RiskLimitChangeRepository changes, ObjectMapper json) {
        CatalystProperties.Risk r = props.risk();
        RiskLimits limits = r.limits();
        // the trading window reads the clock at each decision: simulated, replayed or real time alike
        return new RiskLimitsBook(limits, () -> new SessionTime(clock.isMarketOpen(), clock.minutesSinceOpen(), clock.minutesToClose()),
                changes, json, props.trading().allowShort());
    }

    @Bean
    CycleFunnel cycleFunnel(CatalystProperties props) {
        CatalystProperties.Funnel f = props.funnel();
        return new CycleFunnel(new FunnelSizes(props.scanner().topCandidates(), f.afterNews(), f.afterPattern(), f.afterTechnical(), f.picks()),
                props.trading().allowShort());
    }

    /** The exit mode, checked at start-up (CatalystProperties.Exit, then ExitSettings names the setting it refuses). */
    @Bean
    com.catalyst.trading.ExitSettings exitSettings(CatalystProperties props) {
        return props.trading().exit().settings();
    }

    @Bean
    ExitPlanner exitPlanner(MarketDataPort market, TradingClock clock, CatalystProperties props) {
        return new ExitPlanner(symbol -> market.lastPrice(symbol, clock.sessionDate(), clock.now()), clock::minutesToClose,
                props.trading().flattenMinutesBeforeClose());
    }
}
