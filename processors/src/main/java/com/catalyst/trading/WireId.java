package com.catalyst.trading;

import java.util.Arrays;
import java.util.List;

/**
 * An enum stored and sent as a lower-case id ({@link OrderSide}, {@link OrderType}, {@link BracketLeg},
 * {@link PositionSide}, {@code Verdict}): its {@link #id()}, and the one parser their {@code of} methods share.
 */
public interface WireId {

    /** The stored and wire value. */
    String id();

    /** {@code value}'s id, or null for none: what a nullable column or field takes. */
    static String idOf(WireId value) {
        return value == null ? null : value.id();
    }

    /**
     * The constant of {@code type} whose id is {@code value}; anything else is refused, the message naming {@code what}
     * and every id in declaration order ("order side must be buy or sell, got 'short'").
     */
    static <E extends Enum<E> & WireId> E parse(Class<E> type, String value, String what) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.id().equals(value)) {
                return constant;
            }
        }
        List<String> ids = Arrays.stream(constants).map(WireId::id).toList();
        String choices = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        throw new IllegalArgumentException(what + " must be " + choices + ", got '" + value + "'");
    }
}
