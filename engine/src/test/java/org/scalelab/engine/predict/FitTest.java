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
    void computeProfileFitsEachLayerAgainstTheBatchAndAmdahlFromTwoThreads() {
        // layer 1: 1 ms + 0.1 ms per image, half of it serial; fixed parts: 0.5 ms + 0.01 ms per image, all serial
        List<LayerBenchmark.Result> oneThread = new ArrayList<>();
        for (int batch : List.of(8, 16, 64)) {
            oneThread.add(result(batch, 1 + 0.1 * batch, 0.5 + 0.01 * batch));
        }
        double layerAt64 = 1 + 6.4;
        LayerBenchmark.Result twoThreads = result(64, layerAt64 * 0.75, 0.5 + 0.64);
        ComputeProfile profile = ComputeProfile.fit("m", 1000, oneThread, twoThreads, new LinearFit(0, 0), 0.1);
        assertEquals(2, profile.parts().size());
        assertEquals(1e-3, profile.parts().get(0).seconds().intercept(), 1e-12);
        assertEquals(1e-4, profile.parts().get(0).seconds().slope(), 1e-12);
        assertEquals(0.5, profile.parts().get(0).serialFraction(), 1e-9);
        assertEquals(1, profile.parts().get(1).serialFraction(), 1e-9);
        // batch 32, 4 threads: layer (1 + 3.2) ms·(0.5 + 0.5/4) + fixed (0.5 + 0.32) ms
        assertEquals((4.2 * 0.625 + 0.82) / 1e3, profile.computeSeconds(32, 4), 1e-12);
    }

    /** A result whose one layer takes {@code layerMillis}, forward and backward split evenly. */
    private static LayerBenchmark.Result result(int batch, double layerMillis, double fixedMillis) {
        LayerBenchmark.LayerTime layer = new LayerBenchmark.LayerTime("dense", "10", 100, layerMillis / 2, layerMillis / 2, 0, 0);
        return new LayerBenchmark.Result("m", batch, 10, fixedMillis / 2, List.of(layer), fixedMillis / 4, fixedMillis / 4);
    }
}
