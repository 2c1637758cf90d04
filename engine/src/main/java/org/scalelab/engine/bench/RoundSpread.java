package org.scalelab.engine.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case's results over the rounds of a scaling benchmark: the median speedup and its range, so that a reader
 * sees how far this machine's drift moves the figure. Serial runs are summarised too, against the fastest of them.
 *
 * @param rounds the rounds in which the case was measured without failing
 */
public record RoundSpread(String model, ScalingCase scalingCase, int rounds, double medianSpeedup, double lowestSpeedup,
                          double highestSpeedup, double medianImagesPerSecond) {

    /** One spread per model and case, in the order the cases first appear. Failed measurements are left out. */
    public static List<RoundSpread> of(List<ScalingResult> results) {
        Map<String, List<ScalingResult>> byCase = new LinkedHashMap<>();
        results.stream().filter(r -> r.failure().isEmpty())
                .forEach(r -> byCase.computeIfAbsent(r.model() + "\n" + r.scalingCase(), key -> new ArrayList<>()).add(r));
        List<RoundSpread> spreads = new ArrayList<>();
        for (List<ScalingResult> measured : byCase.values()) {
            double[] speedups = measured.stream().mapToDouble(ScalingResult::speedup).sorted().toArray();
            double[] rates = measured.stream().mapToDouble(ScalingResult::imagesPerSecond).toArray();
            ScalingResult first = measured.get(0);
            spreads.add(new RoundSpread(first.model(), first.scalingCase(), measured.size(), Median.of(speedups), speedups[0],
                    speedups[speedups.length - 1], Median.of(rates)));
        }
        return spreads;
    }
}
