package org.scalelab.engine.data;

import java.util.Locale;

/** Number formatting for user-facing messages: {@code 60,000} reads better than {@code 60000}. */
final class Text {

    private Text() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
