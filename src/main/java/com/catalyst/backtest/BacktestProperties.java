package com.catalyst.backtest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code catalyst.backtest.*}: the defaults of a backtest run; a request (REST, MCP, the script) overrides any of them.
 * Risk, broker, scanner, funnel and mode come from the live settings (catalyst.risk.*, …), as the live pipeline's do.
 *
 * @param strategy     {@code pattern} (the live cycle's funnel; default) or {@code ema-cross}
 * @param dataDir      the folder of bars in the replay adapter's formats (the project's data set by default); a request's
 *                     {@code data_dir} names a folder inside it, relative to it
 * @param file         a bar file instead of the folder (docs/backtesting.md gives the formats); none by default
 * @param filesDir     the folder a requested file must lie in, by real path (a request names a file relative to it)
 * @param symbols      the symbols to replay; empty = every symbol of the data
 * @param from         first session replayed; none = the first of the data
 * @param to           last session replayed; none = the last of the data
 * @param cycleMinutes pattern: a cycle every this many session minutes (the live 5 s timer at 60× speed is 5)
 * @param maxRuns      runs queued or running at once; a request beyond them is refused with 429 and Retry-After
 */
@Validated
@ConfigurationProperties(prefix = "catalyst.backtest")
public record BacktestProperties(
        @NotNull @Pattern(regexp = "pattern|ema-cross", message = "must be pattern or ema-cross") @DefaultValue("pattern") String strategy,
        @NotNull @DefaultValue("data") String dataDir,
        String file,
        @NotNull @DefaultValue("data") String filesDir,
        @DefaultValue("") List<String> symbols,
        LocalDate from,
        LocalDate to,
        @Min(1) @Max(390) @DefaultValue("5") int cycleMinutes,
        @Min(1) @Max(100) @DefaultValue("4") int maxRuns,
        @NotNull @DefaultValue EmaCross emaCross) {

    /** The ema-cross strategy's parameters: EMA fast/slow periods, the ATR period and the stop's ATR multiple. */
    public record EmaCross(
            @Min(1) @Max(500) @DefaultValue("9") int fast,
            @Min(2) @Max(1000) @DefaultValue("21") int slow,
            @Min(1) @Max(500) @DefaultValue("14") int atrPeriod,
            @DecimalMin("0.1") @DefaultValue("2.0") double atrMultiple) {
    }
}
