package com.catalyst.adapters.paper;

import com.catalyst.market.Prices;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.MarketCalendar;
import com.catalyst.trading.BracketLeg;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.PositionSide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The default broker, a simulation of a real one against the simulated or replayed quotes (the latest 1-minute bar).
 * <ul>
 *   <li>Market orders fill on arrival at the last price moved against the trader by the slippage; a buy limit fills when
 *   the price is at or below the limit, at the limit or better (a sell limit the mirror image); a stop becomes a market
 *   order once the price reaches it. Commission is per share, charged on each fill.</li>
 *   <li>Partial fills: a fill takes at most {@code maxFillQuantity} shares and at most {@code maxVolumeShare} of the
 *   bar's volume (0 turns either cap off); the rest waits for a later bar, one fill per order per bar.</li>
 *   <li>A bracket entry (stop loss and take profit) gets two sell legs, held until the entry is done, then worked:
 *   a stop at the stop loss and a limit at the take profit, one-cancels-other.</li>
 *   <li>A trailing stop (as Alpaca takes it: a single order, never a bracket's leg) starts at the last price as its mark.
 *   A sell's (a long's exit) is a high-water mark: each later bar either reaches its stop with its low (a fill at the
 *   stop, or at the open when the bar opened through it, less the slippage) or lifts the mark to its high, the stop
 *   following the mark, never down. A buy's (a short's cover) is the mirror image: a low-water mark that follows the
 *   lows, the stop above it, never up, and a bar whose high reaches the stop fills at it (or at a gap's open) plus the
 *   slippage.</li>
 *   <li>Time in force is day: what is still open at its session's close expires (16:00 New York time, 13:00 on an
 *   early close of the calendar it is given: the built-in one unless Alpaca's).</li>
 * </ul>
 * Working orders move as the clock advances: every call (submit, look-up, cancel, open orders, positions, account)
 * first works the open orders against the current quote, as a real broker would have meanwhile ({@link #onPrices()});
 * once a clock minute, as the quotes are 1-minute bars.
 * A reused client order id is rejected. The book (orders with their fills, positions, cash) is written to a
 * {@link PaperLedger} before each answer and read back on first use, so it survives a restart.
 */
public final class PaperBroker implements BrokerPort {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * The latest bar of a symbol as the broker sees it: its close ({@code price}), its volume, when it ended, and its open,
     * high and low (which only a trailing stop reads: a sell's mark follows the highs and a low through its stop triggers
     * it; a buy's the lows and a high).
     */
    public record Quote(double price, long volume, Instant barTime, double open, double high, double low) {

        /** A price-only quote: open, high and low are the close. */
        public Quote(double price, long volume, Instant barTime) {
            this(price, volume, barTime, price, price, price);
        }
    }

    /** Partial-fill caps: shares per fill, share of the bar's volume per fill; 0 is no cap. */
    public record FillModel(int maxFillQuantity, double maxVolumeShare) {
        public static final FillModel WHOLE = new FillModel(0, 0);
    }

    private final Function<String, Quote> quotes;
    private final MarketCalendar calendar;
    private final Supplier<Instant> clock;
    private final double slippageBps;
    private final BigDecimal commissionPerShare;
    private final FillModel fillModel;
    private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
    /** The open orders, in the order they were placed; an order never reopens, so it leaves once, when it ends. */
    private final Map<String, BrokerOrder> open = new LinkedHashMap<>();
    /** A bracket entry's legs (client order ids), stop then target, as placed. */
    private final Map<String, List<String>> legIds = new HashMap<>();
    private final Map<String, BrokerPosition> positions = new LinkedHashMap<>();
    private final PaperLedger ledger;
    private final BigDecimal startingCash;
    private BigDecimal cash;
    private boolean loaded;
    private Instant workedMinute;
    /** The New York day the last order was placed on, and its close: {@link #closeOf}'s cache. */
    private DayClose lastClose;
    private long changes;
    // what the current call changed, written to the ledger in one piece before the answer
    private final Map<String, BrokerOrder> changed = new LinkedHashMap<>();
    private final Map<String, BrokerPosition> touched = new LinkedHashMap<>();
    // short selling (off unless shortSelling() turns it on): a sell beyond the shares held opens a short
    private volatile boolean shortingEnabled;
    private volatile java.util.Set<String> hardToBorrow = java.util.Set.of();

    public PaperBroker(ToDoubleFunction<String> lastPrice, Supplier<Instant> clock, BigDecimal startingCash,
                       double slippageBps, BigDecimal commissionPerShare) {
        this(lastPrice, clock, startingCash, slippageBps, commissionPerShare, PaperLedger.none());
    }

    public PaperBroker(ToDoubleFunction<String> lastPrice, Supplier<Instant> clock, BigDecimal startingCash,
                       double slippageBps, BigDecimal commissionPerShare, PaperLedger ledger) {
        this(lastPriceQuotes(lastPrice, clock), clock, startingCash, slippageBps, commissionPerShare, FillModel.WHOLE, ledger);
    }

    public PaperBroker(Function<String, Quote> quotes, Supplier<Instant> clock, BigDecimal startingCash, double slippageBps,
                       BigDecimal commissionPerShare, FillModel fillModel, PaperLedger ledger) {
        this(quotes, clock, startingCash, slippageBps, commissionPerShare, fillModel, ledger, ExchangeCalendar.BUILT_IN);
    }

    /** @param calendar whose sessions' closes end the day orders (the trading clock's calendar) */
    public PaperBroker(Function<String, Quote> quotes, Supplier<Instant> clock, BigDecimal startingCash, double slippageBps,
                       BigDecimal commissionPerShare, FillModel fillModel, PaperLedger ledger, MarketCalendar calendar) {
        this.calendar = calendar;
        this.quotes = quotes;
        this.clock = clock;
        this.startingCash = startingCash;
        this.cash = startingCash;
        this.slippageBps = slippageBps;
        this.commissionPerShare = commissionPerShare;
        this.fillModel = fillModel;
        this.ledger = ledger;
    }

    /**
     * Lets the account sell short (a margin account, as catalyst.trading.allow-short asks): every symbol is shortable
     * and easy to borrow except {@code hardToBorrowSymbols} (catalyst.broker.hard-to-borrow). Off, a sell of more than
     * is held is refused, as a cash account refuses it.
     */
    public PaperBroker shortSelling(boolean enabled, java.util.Collection<String> hardToBorrowSymbols) {
        this.shortingEnabled = enabled;
        this.hardToBorrow = hardToBorrowSymbols == null ? java.util.Set.of()
                : hardToBorrowSymbols.stream().filter(x -> x != null && !x.isBlank()).map(x -> x.trim().toUpperCase(java.util.Locale.ROOT))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return this;
    }

    @Override
    public Borrow borrow(String symbol) {
        boolean lends = shortingEnabled && !hardToBorrow.contains(symbol);
        return new Borrow(symbol, shortingEnabled, lends);
    }

    /** A price-only source: unlimited volume, and the bar is the current minute. */
    private static Function<String, Quote> lastPriceQuotes(ToDoubleFunction<String> lastPrice, Supplier<Instant> clock) {
        return symbol -> {
            double price = lastPrice.applyAsDouble(symbol);
            return Double.isFinite(price) ? new Quote(price, Long.MAX_VALUE, clock.get().truncatedTo(ChronoUnit.MINUTES)) : null;
        };
    }

    /** Reads the book on first use, not at construction: the database may still be on its way up then. */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        PaperLedger.Book book = ledger.load();
        orders.clear();
        open.clear();
        legIds.clear();
        positions.clear();
        book.orders().forEach(this::index);
        book.positions().forEach(p -> positions.put(p.symbol(), p));
        cash = book.cash() != null ? book.cash() : startingCash;
        loaded = true;
    }

    /** Works the open orders against the current quotes: fills, triggered stops, one-cancels-other, expiry. */
    public synchronized void onPrices() {
        begin();
        commit();
    }

    private void begin() {
        ensureLoaded();
        changed.clear();
        touched.clear();
        Instant now = clock.get();
        // quotes are bars, which change once a minute: the open orders were already worked against this one
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (minute.equals(workedMinute)) {
            return;
        }
        workedMinute = minute;
        for (BrokerOrder order : new ArrayList<>(open.values())) {
            BrokerOrder current = orders.get(order.clientOrderId());
            if (!current.open() || "held".equals(current.status())) {
                continue;
            }
            if (current.expiresAt() != null && !now.isBefore(current.expiresAt())) {
                finish(current, "expired", "time in force day: still open at the close");
            } else {
                work(current, now);
            }
        }
    }

    /** Writes what changed in one transaction, then answers; a failed write reloads the book, so memory never runs ahead. */
    private void commit() {
        if (changed.isEmpty()) {
            return;
        }
        try {
            Map<String, BrokerPosition> after = new LinkedHashMap<>();
            touched.keySet().forEach(symbol -> after.put(symbol, positions.get(symbol)));
            ledger.write(new ArrayList<>(changed.values()), after, cash);
        } catch (RuntimeException e) {
            loaded = false;
            workedMinute = null;
            throw e;
        } finally {
            changed.clear();
            touched.clear();
        }
    }

    private void put(BrokerOrder order) {
        index(order);
        changed.put(order.clientOrderId(), order);
        changes++;
    }

    /**
     * How many order changes the broker has made since it started (placed, worked, filled, canceled, expired): the same
     * number twice means every order stands as it did. A backtest's order sync skips its look-ups then (BacktestOrders).
     */
    public synchronized long changes() {
        return changes;
    }

    /** Keeps the book and its indexes (open orders, legs) together: a backtest places tens of thousands of orders. */
    private void index(BrokerOrder order) {
        String id = order.clientOrderId();
        if (orders.put(id, order) == null && order.parentClientOrderId() != null) {
            legIds.computeIfAbsent(order.parentClientOrderId(), k -> new ArrayList<>(2)).add(id);
        }
        if (order.open()) {
            open.put(id, order);
        } else {
            open.remove(id);
        }
    }

    @Override
    public synchronized BrokerOrder submit(OrderRequest request) {
        begin();
        try {
            if (orders.containsKey(request.clientOrderId())) {
                throw new DuplicateClientOrderIdException(request.clientOrderId());
            }
            Instant now = clock.get();
            String id = brokerId(request.clientOrderId());
            Instant expires = closeOf(now);
            Quote quote = quotes.apply(request.symbol());
            BrokerOrder order = new BrokerOrder(id, request.clientOrderId(), request.symbol(), request.side(), request.quantity(), "accepted",
                    0, null, BigDecimal.ZERO, now, null, null, request.type(), request.limitPrice(), request.stopPrice(), null, null, expires,
                    List.of(), List.of(), null);
            if (request.trail() != null && priced(quote)) {
                order = startTrailing(order, request, quote);
            }
            String refusal = refusal(request, quote, now);
            if (refusal != null) {
                put(order.withStatus("rejected", refusal));
                return view(request.clientOrderId());
            }
            put(order);
            if (request.bracket()) {
                put(leg(order, BracketLeg.STOP_LOSS, null, request.stopLossPrice(), now, expires));
                put(leg(order, BracketLeg.TAKE_PROFIT, request.takeProfitPrice(), null, now, expires));
            }
            work(order, now);
            return view(request.clientOrderId());
        } finally {
            commit();
        }
    }

    private static boolean priced(Quote quote) {
        return quote != null && Double.isFinite(quote.price()) && quote.price() > 0;
    }

    /**
     * A trailing stop starts working at the last price, as Alpaca's starts at the market price: that price is its first
     * mark (high-water for a sell, low-water for a buy) and the bar it came from is already in it, so only later bars
     * move or trigger it.
     */
    private static BrokerOrder startTrailing(BrokerOrder order, OrderRequest request, Quote quote) {
        BigDecimal mark = Prices.decimal(quote.price()).setScale(4, RoundingMode.HALF_UP);
        return order.withTrailing(new BrokerOrder.Trailing(request.trail(), mark, quote.barTime()), request.trail().stopFor(request.side(), mark));
    }

    /** Why a new order is refused, or null: no price, not enough cash for a buy, more shares than held for a sell. */
    private String refusal(OrderRequest request, Quote quote, Instant now) {
        if (quote == null || !Double.isFinite(quote.price()) || quote.price() <= 0) {
            return "no price for " + request.symbol() + " at " + now;
        }
        BrokerPosition held = positions.get(request.symbol());
        if (request.side() == OrderSide.BUY) {
            // a buy that covers a short frees its margin rather than spending cash: only the part beyond the short costs
            int covering = held == null ? 0 : Math.max(0, -held.quantity());
            int buying = Math.max(0, request.quantity() - covering);
            double reference = request.type() == OrderType.LIMIT ? Math.min(request.limitPrice().doubleValue(), quote.price())
                    : quote.price();
            BigDecimal price = BigDecimal.valueOf(reference * (1 + slippageBps / 10_000)).setScale(4, RoundingMode.HALF_UP);
            BigDecimal needed = price.multiply(BigDecimal.valueOf(buying))
                    .add(commissionPerShare.multiply(BigDecimal.valueOf(request.quantity())));
            BigDecimal buyingPower = buyingPower();
            if (buying > 0 && needed.compareTo(buyingPower) > 0) {
                return "insufficient buying power: needs " + needed + ", has " + buyingPower;
            }
            return null;
        }
        int owned = held == null ? 0 : Math.max(0, held.quantity());
        // shares already promised to open sells (bracket legs count once: the two legs share their shares)
        int promised = 0;
        java.util.Set<String> parents = new java.util.HashSet<>();
        for (BrokerOrder o : open.values()) {
            if (!"held".equals(o.status()) && o.side() == OrderSide.SELL && o.symbol().equals(request.symbol())
                    && (o.parentClientOrderId() == null || parents.add(o.parentClientOrderId()))) {
                promised += o.quantity() - o.filledQuantity();
            }
        }
        if (owned > 0 && request.quantity() > owned - promised) {
            return "insufficient qty available for order (requested: " + request.quantity() + ", available: " + Math.max(0, owned - promised)
                    + "): cancel the open orders holding the shares first";
        }
        if (owned == 0) {
            // a sell with nothing long held opens (or grows) a short
            if (!shortingEnabled) {
                return "insufficient qty available for order (requested: " + request.quantity() + ", available: 0): short selling is off";
            }
            if (hardToBorrow.contains(request.symbol())) {
                return "asset " + request.symbol() + " is not easy to borrow: cannot be sold short";
            }
            BigDecimal price = Prices.decimal(quote.price()).setScale(4, RoundingMode.HALF_UP);
            BigDecimal margin = price.multiply(BigDecimal.valueOf(request.quantity()));
            BigDecimal buyingPower = buyingPower();
            if (margin.compareTo(buyingPower) > 0) {
                return "insufficient buying power for a short sale: needs " + margin + ", has " + buyingPower;
            }
        }
        return null;
    }

    /**
     * Cash less what the open buy orders may still spend (their unfilled shares at the limit, or at the last price), and
     * less twice the shorts' market value: a short sale's proceeds are in the cash but held as collateral, and its value
     * again as margin (a short takes buying power as a long of its size does). Without shorts, the cash less the buys.
     */
    private BigDecimal buyingPower() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (BrokerOrder o : open.values()) {
            int held = positions.getOrDefault(o.symbol(), new BrokerPosition(o.symbol(), 0, BigDecimal.ZERO)).quantity();
            boolean opensShort = o.side() == OrderSide.SELL && o.parentClientOrderId() == null && o.orderType() != OrderType.TRAILING_STOP
                    && held <= 0;
            // a buy trailing stop covers a short (its exit, as a sell one is a long's): it spends no buying power
            boolean covers = o.orderType() == OrderType.TRAILING_STOP && held < 0;
            if ((o.side() == OrderSide.BUY && o.parentClientOrderId() == null && !covers) || opensShort) {
                BigDecimal price = o.limitPrice() != null ? o.limitPrice() : mark(o.symbol(), BigDecimal.ZERO);
                reserved = reserved.add(price.multiply(BigDecimal.valueOf(o.quantity() - o.filledQuantity())));
            }
        }
        for (BrokerPosition p : positions.values()) {
            if (p.quantity() < 0) {
                reserved = reserved.add(mark(p.symbol(), p.averageEntryPrice()).multiply(BigDecimal.valueOf(-2L * p.quantity())));
            }
        }
        return cash.subtract(reserved).max(BigDecimal.ZERO);
    }

    /** The last price of {@code symbol}, or {@code fallback} (an entry price, zero) without one. */
    private BigDecimal mark(String symbol, BigDecimal fallback) {
        Quote quote = quotes.apply(symbol);
        return quote != null && Double.isFinite(quote.price()) ? Prices.decimal(quote.price()) : fallback;
    }

    private static BrokerOrder leg(BrokerOrder parent, BracketLeg leg, BigDecimal limit, BigDecimal stop, Instant now, Instant expires) {
        String clientOrderId = parent.clientOrderId() + (leg == BracketLeg.STOP_LOSS ? "-SL" : "-TP");
        // a long's legs sell, a short's buy (to cover): stop above and target below its entry
        OrderSide side = PositionSide.openedBy(parent.side()).exitOrderSide();
        return new BrokerOrder(brokerId(clientOrderId), clientOrderId, parent.symbol(), side, parent.quantity(), "held", 0, null,
                BigDecimal.ZERO, now, null, null, leg.orderType(), limit, stop, parent.clientOrderId(), leg, expires, List.of(), List.of());
    }

    private static String brokerId(String clientOrderId) {
        return UUID.nameUUIDFromBytes(("paper:" + clientOrderId).getBytes()).toString();
    }

    /** The close of the session {@code at} belongs to (16:00 New York, 13:00 on an early close): when a day order expires. */
    private Instant closeOf(Instant at) {
        if (lastClose != null && lastClose.covers(at)) {
            return lastClose.close();
        }
        LocalDate date = at.atZone(NEW_YORK).toLocalDate();
        LocalTime close = calendar.session(date).map(MarketCalendar.Session::close).orElseGet(() -> ExchangeCalendar.close(date));
        lastClose = new DayClose(date.atStartOfDay(NEW_YORK).toInstant(), date.plusDays(1).atStartOfDay(NEW_YORK).toInstant(),
                date.atTime(close).atZone(NEW_YORK).toInstant());
        return lastClose.close();
    }

    /** A New York day, from its start to the next day's, and the close of its session. */
    private record DayClose(Instant start, Instant end, Instant close) {
        boolean covers(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    /** One evaluation of one open order against its symbol's quote: at most one fill per bar. */
    private void work(BrokerOrder order, Instant now) {
        Quote quote = quotes.apply(order.symbol());
        if (quote == null || !Double.isFinite(quote.price()) || quote.price() <= 0) {
            return;
        }
        if (order.filledAt() != null && !quote.barTime().isAfter(order.filledAt())) {
            return;
        }
        // a leg works from the bar after its entry completed: the entry's own quote does not also close it
        BrokerOrder parent = order.parentClientOrderId() == null ? null : orders.get(order.parentClientOrderId());
        if (parent != null && parent.filledAt() != null && !quote.barTime().isAfter(parent.filledAt())) {
            return;
        }
        boolean buy = order.side() == OrderSide.BUY;
        double last = quote.price();
        double slipped = last * (1 + (buy ? 1 : -1) * slippageBps / 10_000);
        double price;
        switch (order.orderType()) {
            case LIMIT -> {
                double limit = order.limitPrice().doubleValue();
                if (buy ? last > limit : last < limit) {
                    return;
                }
                price = buy ? Math.min(limit, slipped) : Math.max(limit, slipped);
            }
            case STOP -> {
                // a stop that has begun filling was triggered: it stays a market order
                double stop = order.stopPrice().doubleValue();
                if (order.filledQuantity() == 0 && (buy ? last < stop : last > stop)) {
                    return;
                }
                price = slipped;
            }
            case TRAILING_STOP -> {
                if (order.filledQuantity() > 0) {
                    price = slipped; // triggered before: it stays a market order
                } else {
                    Double triggered = trailTrigger(order, quote);
                    if (triggered == null) {
                        return;
                    }
                    price = triggered * (1 + (buy ? 1 : -1) * slippageBps / 10_000);
                }
            }
            default -> price = slipped;
        }
        int size = order.quantity() - order.filledQuantity();
        if (fillModel.maxFillQuantity() > 0) {
            size = Math.min(size, fillModel.maxFillQuantity());
        }
        if (fillModel.maxVolumeShare() > 0 && quote.volume() != Long.MAX_VALUE) {
            size = (int) Math.min(size, (long) Math.floor(quote.volume() * fillModel.maxVolumeShare()));
        }
        if (size <= 0) {
            return;
        }
        BigDecimal fillPrice = Prices.decimal(price).setScale(4, RoundingMode.HALF_UP);
        BigDecimal commission = commissionPerShare.multiply(BigDecimal.valueOf(size));
        BrokerOrder.Fill fill = new BrokerOrder.Fill(order.brokerOrderId() + "-" + (order.fills().size() + 1), size, fillPrice, commission,
                later(now, quote.barTime()));
        BrokerOrder after = order.withFill(fill);
        put(after);
        int signed = buy ? size : -size;
        BigDecimal notional = fillPrice.multiply(BigDecimal.valueOf(size));
        cash = cash.subtract(notional.multiply(BigDecimal.valueOf(Integer.signum(signed)))).subtract(commission);
        BrokerPosition position = positionAfter(order.symbol(), signed, fillPrice);
        if (position == null) {
            positions.remove(order.symbol());
        } else {
            positions.put(order.symbol(), position);
        }
        touched.put(order.symbol(), position);
        if (after.leg() != null) {
            // one-cancels-other: the first fill of one leg takes the other off the book
            sibling(after).filter(BrokerOrder::open).ifPresent(s -> put(s.withStatus("canceled", "one-cancels-other: " + after.leg() + " filled")));
        }
        if (after.filled()) {
            activateLegs(after);
        }
    }

    /**
     * One bar against a trailing stop that has not filled: the price it triggers at, or null when it does not, in which
     * case the mark follows the bar and the stop follows the mark. A sell's high-water mark follows the highs, its stop
     * never comes down, and a bar whose low reaches the stop triggers it at the stop, or at the bar's open when the bar
     * opened through it (a gap). A buy's is the mirror image: the low-water mark follows the lows, the stop above it never
     * goes up, and a high at or over the stop triggers it (at the stop, or at a gap's open). The stop is the one from
     * before the bar: which of a bar's high and low came first is unknown, so the bar moves the stop for the next bar only.
     * A bar already in the mark (the same quote again) changes nothing.
     */
    private Double trailTrigger(BrokerOrder order, Quote quote) {
        BrokerOrder.Trailing trailing = order.trailing();
        if (trailing == null) {
            return null; // never happens: a trailing stop without a price is refused at submission
        }
        if (trailing.markedAt() != null && !quote.barTime().isAfter(trailing.markedAt())) {
            return null;
        }
        double stop = order.stopPrice().doubleValue();
        BigDecimal mark;
        BigDecimal next;
        if (order.side() == OrderSide.BUY) {
            if (quote.high() >= stop) {
                return Math.max(stop, quote.open());
            }
            mark = trailing.highWaterMark().min(Prices.decimal(quote.low()).setScale(4, RoundingMode.HALF_UP));
            next = order.stopPrice().min(trailing.trail().stopAbove(mark));
        } else {
            if (quote.low() <= stop) {
                return Math.min(stop, quote.open());
            }
            mark = trailing.highWaterMark().max(Prices.decimal(quote.high()).setScale(4, RoundingMode.HALF_UP));
            next = order.stopPrice().max(trailing.trail().stopBelow(mark));
        }
        put(order.withTrailing(new BrokerOrder.Trailing(trailing.trail(), mark, quote.barTime()), next));
        return null;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Optional<BrokerOrder> sibling(BrokerOrder leg) {
        for (BrokerOrder other : legsOf(leg.parentClientOrderId())) {
            if (!other.clientOrderId().equals(leg.clientOrderId())) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    private List<BrokerOrder> legsOf(String parentClientOrderId) {
        List<String> ids = legIds.get(parentClientOrderId);
        if (ids == null) {
            return List.of();
        }
        List<BrokerOrder> legs = new ArrayList<>(ids.size());
        for (String id : ids) {
            legs.add(orders.get(id));
        }
        return legs;
    }

    /** A bracket entry is done: its legs start working for the shares it bought, or are canceled when it bought none. */
    private void activateLegs(BrokerOrder parent) {
        for (BrokerOrder leg : legsOf(parent.clientOrderId())) {
            if (!"held".equals(leg.status())) {
                continue;
            }
            if (parent.filledQuantity() == 0) {
                put(leg.withStatus("canceled", "the entry " + parent.status() + " without a fill"));
            } else {
                put(leg.withQuantity(parent.filledQuantity()).withStatus("accepted", null));
            }
        }
    }

    /** Ends an open order (canceled or expired), keeping what filled; a bracket entry hands its fills to its legs. */
    private void finish(BrokerOrder order, String status, String reason) {
        BrokerOrder done = order.withStatus(status, reason);
        put(done);
        if (done.parentClientOrderId() == null) {
            activateLegs(done);
        }
    }

    /** The symbol's position after a fill of {@code signed} shares at {@code price}; null when it leaves the book flat. */
    private BrokerPosition positionAfter(String symbol, int signed, BigDecimal price) {
        BrokerPosition current = positions.get(symbol);
        int held = current == null ? 0 : current.quantity();
        int after = held + signed;
        if (after == 0) {
            return null;
        }
        if (current == null || Integer.signum(held) != Integer.signum(after)) {
            return new BrokerPosition(symbol, after, price);
        }
        if (Math.abs(after) > Math.abs(held)) {
            BigDecimal average = current.averageEntryPrice().multiply(BigDecimal.valueOf(held)).add(price.multiply(BigDecimal.valueOf(signed)))
                    .divide(BigDecimal.valueOf(after), 4, RoundingMode.HALF_UP);
            return new BrokerPosition(symbol, after, average);
        }
        return new BrokerPosition(symbol, after, current.averageEntryPrice());
    }

    /** The order as the broker answers it: a bracket entry with its legs. */
    private BrokerOrder view(String clientOrderId) {
        BrokerOrder order = orders.get(clientOrderId);
        if (order == null || order.parentClientOrderId() != null) {
            return order;
        }
        List<BrokerOrder> legs = legsOf(clientOrderId);
        return legs.isEmpty() ? order : order.withLegs(legs);
    }

    @Override
    public synchronized Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
        begin();
        commit();
        return Optional.ofNullable(view(clientOrderId));
    }

    /** Cancels an open order (its filled part stays); a finished one comes back as it stands. */
    @Override
    public synchronized Optional<BrokerOrder> cancel(String clientOrderId) {
        begin();
        try {
            BrokerOrder order = orders.get(clientOrderId);
            if (order == null) {
                return Optional.empty();
            }
            if (order.open()) {
                finish(order, "canceled", "canceled on request");
            }
            return Optional.of(view(clientOrderId));
        } finally {
            commit();
        }
    }

    @Override
    public synchronized List<BrokerOrder> openOrders() {
        begin();
        commit();
        return List.copyOf(open.values());
    }

    @Override
    public synchronized List<BrokerPosition> positions() {
        begin();
        commit();
        return new ArrayList<>(positions.values());
    }

    @Override
    public synchronized Account account() {
        begin();
        commit();
        BigDecimal market = BigDecimal.ZERO;
        for (BrokerPosition p : positions.values()) {
            Quote quote = quotes.apply(p.symbol());
            BigDecimal mark = quote != null && Double.isFinite(quote.price()) ? Prices.decimal(quote.price()) : p.averageEntryPrice();
            market = market.add(mark.multiply(BigDecimal.valueOf(p.quantity())));
        }
        return new Account("paper", cash, cash.add(market).setScale(2, RoundingMode.HALF_UP), buyingPower(), true);
    }
}
