package org.scalelab.engine.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enum constants as named on command lines and in rank arguments: lower case, dashes ("niodev-ring"). */
public final class CommandLineIds {
    private CommandLineIds() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param what how the message names the kind of thing, such as "transport"
     * @throws IllegalArgumentException listing the ids there are
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String id, String what) {
        return find(type, id).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + id + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(CommandLineIds::of).toList()));
    }

    /** The constant spelt {@code id}, if there is one. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(id)).findFirst();
    }
}
