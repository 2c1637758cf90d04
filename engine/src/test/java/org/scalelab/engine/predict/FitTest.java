package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceTiming;
import org.scalelab.engine.bench.LayerBenchmark;

/** The fits recover the coefficients that made synthetic timings. */
class FitTest {

    @Test
    void aLineThroughExactPointsIsThatLine() {
        LinearFit fit = LinearFit.of(new double[] {8, 16, 32, 64}, new double[] {0.006, 0.010, 0.018, 0.034});
        assertEquals(0.002, fit.intercept(), 1e-12);
        assertEquals(0.0005, fit.slope(), 1e-12);
    }

    @Test
    void transportFitRecoversAlphaAndBetaFromAllreduceSweeps() {
        double gamma = 2e-10;
        LinkCost truth = new LinkCost(120e-6, 0.8e-9, gamma);
        for (Transport transport : List.of(Transport.NIODEV_BUILTIN, Transport.NIODEV_RING, Transport.THREADS)) {
            List<AllreduceTiming> timings = new ArrayList<>();
            for (int ranks : List.of(2, 4)) {
                for (int floats : List.of(1_000, 100_000, 1_000_000)) {
                    double seconds = TransportFit.allreduceSeconds(transport, ranks, floats, Fabric.singleHost(truth, ranks));
                    timings.add(new AllreduceTiming(floats, ranks, seconds * 1e3));
                }
            }
            LinkCost fitted = TransportFit.fit(transport, timings, gamma);
            assertEquals(truth.latencySeconds(), fitted.latencySeconds(), 1e-9, transport.label());
            assertEquals(truth.secondsPerByte(), fitted.secondsPerByte(), 1e-14, transport.label());
        }
    }

    @Test
    void transportFitWeighsEverySizeByItsRelativeErrorSoTheLargestCallsDoNotDecideTheLatency() {
        // 150 µs of latency and 1 ns a byte; the largest call measured 30 % slow (noise), as idle runs give it.
        LinkCost truth = new LinkCost(150e-6, 1e-9, 0);
        List<AllreduceTiming> timings = new ArrayList<>();
        for (int floats : List.of(1_024, 16_384, 65_536, 235_146, 1_070_794)) {
            double seconds = TransportFit.allreduceSeconds(Transport.NIODEV_RING, 2, floats, Fabric.singleHost(truth, 2));
            timings.add(new AllreduceTiming(floats, 2, seconds * 1e3 * (floats == 1_070_794 ? 1.3 : 1)));
        }
        LinkCost fitted = TransportFit.fit(Transport.NIODEV_RING, timings, 0);
        // An absolute fit let that one call pull α down to 103 µs (the 30 % of 8.9 ms outweighs every small call);
        // the relative fit keeps the small calls' latency within a quarter.
        assertEquals(truth.latencySeconds(), fitted.latencySeconds(), 0.25 * truth.latencySeconds());
    }

    /**
     * niodev's sweep bends upward past its socket buffers: here messages cost 1 ns a byte up to 128 Ki floats and 3 ns
     * beyond. The line through the sweep misses the largest; with the excess every measured size is predicted as
     * measured, and the sizes between are interpolated.
     */
    @Test
    void theExcessOverTheLineReproducesEveryMeasuredSizeAndInterpolatesBetween() {
        LinkCost bent = new LinkCost(150e-6, 1e-9, 0);
        List<AllreduceTiming> timings = new ArrayList<>();
        for (int floats : List.of(1_024, 16_384, 65_536, 235_146, 1_070_794)) {
            double beyondKnee = Math.max(0, floats / 2.0 - (1 << 17)) * Float.BYTES * 2e-9;
            double seconds = 2 * (bent.send(floats / 2.0) + beyondKnee);
            timings.add(new AllreduceTiming(floats, 2, seconds * 1e3));
        }
        LinkCost fitted = TransportFit.fit(Transport.NIODEV_RING, timings, 0);
        for (AllreduceTiming timing : timings) {
            assertEquals(timing.medianMillis() / 1e3, TransportFit.allreduceSeconds(Transport.NIODEV_RING, 2, timing.floats(),
                    Fabric.singleHost(fitted, 2)), 1e-12, timing.floats() + " floats");
        }
        // 300,000 floats: halves of 150,000, between the measured halves of 117,573 and 535,397 floats
        double below = fitted.send(117_573);
        double above = fitted.send(535_397);
        double share = (150_000 - 117_573) / (535_397.0 - 117_573);
        assertEquals(below + share * (above - below), fitted.send(150_000), 1e-12);
        // past the largest, the largest's excess per float: doubling the message doubles its excess
        double lineAt = fitted.latencySeconds() + 4 * 535_397 * fitted.secondsPerByte();
        double lineAtTwice = fitted.latencySeconds() + 8 * 535_397 * fitted.secondsPerByte();
        assertEquals(2 * (above - lineAt), fitted.send(2 * 535_397) - lineAtTwice, 1e-12);
        // a link and then a wire: their lines add, the link's excess stays; its line alone has none
        LinkCost wire = LinkCost.of(20, 1, 0);
        assertEquals(above + wire.send(535_397), fitted.followedBy(wire).send(535_397), 1e-12);
        assertEquals(lineAt + wire.send(535_397), fitted.line().followedBy(wire).send(535_397), 1e-12);
        assertEquals(2 * (above - lineAt), fitted.timeShared(2).send(535_397) - 2 * lineAt, 1e-12, "time-shared with the rest");
    }

    @Test
    void theSmallestMessagesExcessHoldsBelowIt() {
        MessageExcess excess = new MessageExcess(List.of(new MessageExcess.Point(1_000, 2e-5), new MessageExcess.Point(512, 5e-5)));
        assertEquals(5e-5, excess.seconds(0), 1e-15, "sorted by size; the smallest's below it");
        assertEquals(3.5e-5, excess.seconds(756), 1e-15, "halfway");
        assertEquals(4e-5, excess.seconds(2_000), 1e-15, "the largest's per float");
        assertEquals(0, MessageExcess.NONE.seconds(1e6));
        assertEquals(8e-5, excess.scaled(2).seconds(2_000), 1e-15);
    }

    @Test
    void computeProfileFitsEachLayerAgainstTheBatchScaledToTheTrainedLevelWithTheMeasuredSerialFraction() {
        // layer 1: 1 ms + 0.1 ms per image; fixed parts: 0.5 ms + 0.01 ms per image
        List<LayerBenchmark.Result> oneThread = new ArrayList<>();
        for (int batch : List.of(8, 16, 64)) {
            oneThread.add(result(batch, 1 + 0.1 * batch, 0.5 + 0.01 * batch));
        }
        ComputeProfile profile = ComputeProfile.fit("m", 1000, oneThread, new LinearFit(0, 0));
        assertEquals(2, profile.parts().size());
        assertEquals(1e-3, profile.parts().get(0).seconds().intercept(), 1e-12);
        assertEquals(1e-4, profile.parts().get(0).seconds().slope(), 1e-12);
        assertEquals((1 + 3.2 + 0.5 + 0.32) / 1e3, profile.computeSeconds(32, 1), 1e-12);

        ComputeProfile trained = profile.scaled(0.5).withSerialFraction(0.5).withRest(new LinearFit(1e-3, 0));
        // batch 32, 4 threads: half the layers' time, (0.5 + 0.5/4) of it; the rest is not shared
        assertEquals((1 + 3.2 + 0.5 + 0.32) / 2 * 0.625 / 1e3, trained.computeSeconds(32, 4), 1e-12);
        assertEquals(1e-3, trained.restSeconds(32), 1e-12);
        assertEquals(List.of(0.5, 0.5), trained.parts().stream().map(LayerFit::serialFraction).toList());
    }

    /** A result whose one layer takes {@code layerMillis}, forward and backward split evenly. */
    private static LayerBenchmark.Result result(int batch, double layerMillis, double fixedMillis) {
        LayerBenchmark.LayerTime layer = new LayerBenchmark.LayerTime("dense", "10", 100, layerMillis / 2, layerMillis / 2, 0, 0);
        return new LayerBenchmark.Result("m", batch, 10, fixedMillis / 2, List.of(layer), fixedMillis / 4, fixedMillis / 4);
    }
}
