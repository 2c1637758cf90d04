package org.scalelab.engine.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fault to inject into one MPJ rank, for fault-tolerance experiments: at a global step the rank dies, hangs,
 * or from then on takes {@code factor} times as long per step. Written as on the command line,
 * {@code rank=1,step=20,kind=kill} or {@code rank=0,step=5,kind=slow:3}. It happens once: ranks relaunched after
 * a failure run without it.
 *
 * @param rank   the rank it happens to, from 0
 * @param step   the global step (from 1) after which it happens
 * @param kind   what happens
 * @param factor for {@link Kind#SLOW}: how many times as long each step takes; 1 otherwise
 */
public record FaultInjection(int rank, int step, Kind kind, double factor) {
    /** What the command line's help and messages show. */
    public static final String FORMAT = "rank=R,step=S,kind=kill|hang|slow:FACTOR";

    /** What happens to the rank. */
    public enum Kind {
        /** The rank's process ends at once, as if killed (exit status 137). */
        KILL,
        /** The rank stops making progress but stays alive and keeps sending heartbeats. */
        HANG,
        /** Every step from then on takes {@code factor} times as long. */
        SLOW
    }

    public FaultInjection {
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be ≥ 0, got " + rank);
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be ≥ 1, got " + step);
        }
        if (kind == Kind.SLOW ? !(factor > 1 && factor <= 1000) : factor != 1) {
            throw new IllegalArgumentException("slow needs a factor in (1, 1000], e.g. slow:3");
        }
    }

    /**
     * @throws IllegalArgumentException saying which part is missing or wrong
     */
    public static FaultInjection parse(String text) {
        Map<String, String> parts = new HashMap<>();
        for (String part : text.strip().split(",")) {
            String[] keyValue = part.split("=", 2);
            if (keyValue.length != 2 || !java.util.Set.of("rank", "step", "kind").contains(keyValue[0].strip())) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not rank=R, step=S or kind=K");
            }
            if (parts.put(keyValue[0].strip(), keyValue[1].strip()) != null) {
                throw new IllegalArgumentException(keyValue[0].strip() + " is given twice");
            }
        }
        for (String key : new String[] {"rank", "step", "kind"}) {
            if (!parts.containsKey(key)) {
                throw new IllegalArgumentException(key + " is missing");
            }
        }
        String[] kindAndFactor = parts.get("kind").split(":", 2);
        Kind kind;
        try {
            kind = Kind.valueOf(kindAndFactor[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind '" + kindAndFactor[0] + "' is not kill, hang or slow:FACTOR");
        }
        if (kind == Kind.SLOW && kindAndFactor.length == 1) {
            throw new IllegalArgumentException("slow needs a factor, e.g. slow:3");
        }
        if (kind != Kind.SLOW && kindAndFactor.length == 2) {
            throw new IllegalArgumentException(kindAndFactor[0] + " takes no factor");
        }
        double factor = kind == Kind.SLOW ? number(kindAndFactor[1], "the slow factor") : 1;
        return new FaultInjection((int) whole(parts.get("rank"), "rank"), (int) whole(parts.get("step"), "step"),
                kind, factor);
    }

    private static long whole(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number");
        }
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number");
        }
    }

    /** As it is typed: {@code rank=1,step=20,kind=slow:3}. */
    @Override
    public String toString() {
        String kindText = kind.name().toLowerCase(Locale.ROOT);
        if (kind == Kind.SLOW) {
            kindText += ":" + java.math.BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString();
        }
        return "rank=" + rank + ",step=" + step + ",kind=" + kindText;
    }
}
