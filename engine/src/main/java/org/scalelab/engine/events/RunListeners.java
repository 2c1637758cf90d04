package org.scalelab.engine.events;

import java.util.List;
import org.scalelab.engine.provenance.ErrorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Combining listeners. */
public final class RunListeners {
    private static final Logger LOG = LoggerFactory.getLogger(RunListeners.class);

    private RunListeners() {
    }

    /**
     * One listener that hands each event to every one of {@code listeners} in order. One that throws is logged
     * and the others still get the event: a broken console or a full disk must not stop training. A listener's
     * first failure is logged with its stack trace, later ones only at debug level, so that a listener failing
     * on every step does not bury the console; the trace goes to a file ({@link ErrorLog}), not the console.
     */
    public static RunListener fanOut(List<RunListener> listeners) {
        List<RunListener> all = List.copyOf(listeners);
        boolean[] failedBefore = new boolean[all.size()];
        return event -> {
            for (int i = 0; i < all.size(); i++) {
                try {
                    all.get(i).onEvent(event);
                } catch (RuntimeException e) {
                    if (failedBefore[i]) {
                        LOG.debug("Run listener {} failed again on {}", all.get(i), event.getClass().getSimpleName(), e);
                    } else {
                        failedBefore[i] = true;
                        LOG.warn("A run listener failed on {}; training goes on. {}", event.getClass().getSimpleName(),
                                ErrorLog.describe("a run listener", e));
                    }
                }
            }
        };
    }

    public static RunListener fanOut(RunListener... listeners) {
        return fanOut(List.of(listeners));
    }
}
