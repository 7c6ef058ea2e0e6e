package com.catalyst.pattern;

/**
 * A swing point of an {@link OrientedSeries}.
 *
 * @param index     bar index
 * @param price     the view value (top or bottom of that bar)
 * @param top       true for a swing high in the view, false for a swing low
 * @param confirmed false for the final, still-running extreme (price has not reversed from it yet)
 */
record Swing(int index, double price, boolean top, boolean confirmed) {
}
