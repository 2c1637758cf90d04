package org.scalelab.engine.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.UpdateStaleness;

/**
 * How stale an asynchronous run's updates were: the number of updates of each staleness, and the gradients refused
 * as too stale, totalled from the run's {@link UpdateStaleness} events. Kept per epoch, so that the epochs a
 * resumed run trains again count once. Not thread-safe; the live view fills one on its UI thread.
 */
public final class StalenessHistogram {
    private final Map<Integer, List<Long>> countsByEpoch = new TreeMap<>();
    private final Map<Integer, Long> refusedByEpoch = new TreeMap<>();

    /** Empty when the run reported no update's staleness (every strategy but async). */
    public static Optional<StalenessHistogram> of(RunRecord run) {
        StalenessHistogram histogram = new StalenessHistogram();
        run.events().forEach(histogram::add);
        return histogram.isEmpty() ? Optional.empty() : Optional.of(histogram);
    }

    /** Counts an {@link UpdateStaleness}; a {@link RunResumed} drops the epochs after its checkpoint. Else nothing. */
    public void add(RunEvent event) {
        if (event instanceof UpdateStaleness served) {
            List<Long> counts = countsByEpoch.computeIfAbsent(served.epoch(), epoch -> new ArrayList<>());
            for (int staleness : served.staleness()) {
                while (counts.size() <= staleness) {
                    counts.add(0L);
                }
                counts.set(staleness, counts.get(staleness) + 1);
            }
            refusedByEpoch.merge(served.epoch(), (long) served.refused(), Long::sum);
        } else if (event instanceof RunResumed resumed) {
            countsByEpoch.keySet().removeIf(epoch -> epoch > resumed.afterEpoch());
            refusedByEpoch.keySet().removeIf(epoch -> epoch > resumed.afterEpoch());
        }
    }

    public boolean isEmpty() {
        return countsByEpoch.isEmpty() && refusedByEpoch.isEmpty();
    }

    /** Updates applied of each staleness, from 0 to the largest seen. */
    public long[] counts() {
        int length = countsByEpoch.values().stream().mapToInt(List::size).max().orElse(0);
        long[] total = new long[length];
        for (List<Long> counts : countsByEpoch.values()) {
            for (int staleness = 0; staleness < counts.size(); staleness++) {
                total[staleness] += counts.get(staleness);
            }
        }
        return total;
    }

    /** Updates applied, of any staleness. */
    public long updates() {
        long updates = 0;
        for (long count : counts()) {
            updates += count;
        }
        return updates;
    }

    /** Gradients refused as older than the bound. */
    public long refused() {
        return refusedByEpoch.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The mean staleness of the updates applied; NaN without any. */
    public double mean() {
        long[] counts = counts();
        double sum = 0;
        for (int staleness = 0; staleness < counts.length; staleness++) {
            sum += (double) staleness * counts[staleness];
        }
        return sum / updates();
    }

    /** "1,884 updates, mean staleness 0.83: 0 ×612 (32 %), 1 ×980 (52 %), 2 ×292 (15 %); 41 gradients refused". */
    public String describe() {
        long[] counts = counts();
        long updates = updates();
        List<String> parts = new ArrayList<>();
        for (int staleness = 0; staleness < counts.length; staleness++) {
            if (counts[staleness] > 0) {
                parts.add(String.format(Locale.ROOT, "%d ×%,d (%.0f %%)", staleness, counts[staleness],
                        100.0 * counts[staleness] / updates));
            }
        }
        return String.format(Locale.ROOT, "%,d updates, mean staleness %.2f: %s; %,d gradients refused as too stale",
                updates, mean(), String.join(", ", parts), refused());
    }
}
