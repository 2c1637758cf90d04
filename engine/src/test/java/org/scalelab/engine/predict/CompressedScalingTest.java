package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * The communication of compressed gradients, from a hand-made calibration: 250,000 parameters; the ranks' links
 * 100 µs and 1 ns a byte, memory 1 µs and 0.1 ns a byte; adding a float 1 ns everywhere. Every expected value is
 * worked by hand in the comments.
 */
class CompressedScalingTest {
    private static final double EXACT = 1e-12;
    private final ScalingModel model = new ScalingModel(calibration());

    private static Scenario scenario(Strategy strategy, int procs, int threads, int hosts, String compress) {
        LinkCost network = hosts > 1 ? LinkCost.of(10, 10, 1e-9) : null;
        return new Scenario("m", strategy, procs, threads, AllreduceAlgorithm.RING, hosts, 8, network, network, 64,
                Scaling.STRONG, 6400, 1, false,
                GradientCompression.parse(compress));
    }

    /** Each row's communication per step, worked by hand in the comment above it. */
    @ParameterizedTest(name = "{0}: {1} {2}×{3} on {4} host(s), {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # ring of 2: 2 steps of 125,000 floats = 500,000 B: 2·(100 µs + 500 µs) + 125,000 adds · 1 ns = 1.325 ms
            uncompressed ranks pay the ring as before          | MPJ           | 2 | 1 | 1 | none      | 1.325e-3
            # 500,000 B each; 2 ranks: 1 block of 100 µs + 500 µs; then 2 × 250,000 adds at 1 ns = 0.5 ms: 1.1 ms
            fp16 ranks gather half the bytes                   | MPJ           | 2 | 1 | 1 | fp16      | 1.1e-3
            # 4 ranks: 3 blocks, 1.8 ms; 4 × 250,000 adds, 1 ms: 2.8 ms (the ring's would be 6·(100 + 250) µs + 0.1875 ms)
            fp16 ranks add every decoded gradient              | MPJ           | 4 | 1 | 1 | fp16      | 2.8e-3
            # smpdev ranks take the same links here
            mpj-multicore ranks gather alike                   | MPJ_MULTICORE | 2 | 1 | 1 | fp16      | 1.1e-3
            # 250,000 B + 977 chunk scales of 4 B = 253,908 B: 100 µs + 253.908 µs + 0.5 ms of adds = 853.908 µs
            int8 counts its scales too                         | MPJ           | 2 | 1 | 1 | int8      | 853.908e-6
            # 1 %: 2,500 pairs of 8 B = 20,000 B: 100 µs + 20 µs; 2 × 2,500 adds = 5 µs: 125 µs
            top-k gathers its pairs and adds only them         | MPJ           | 2 | 1 | 1 | topk:0.01 | 125e-6
            # hybrid with one thread a rank is mpj
            hybrid with a thread a rank is mpj                 | HYBRID        | 2 | 1 | 1 | topk:0.01 | 125e-6
            # 2 threads, fp16: 1 µs + 500,000 B · 0.1 ns = 51 µs; 2 × 250,000 adds = 0.5 ms: 551 µs
            threads gather through memory                      | THREADS       | 1 | 2 | 1 | fp16      | 551e-6
            # 2 ranks × 2 threads, fp16 (500,000 B a worker): threads 1 µs + 50 µs; ranks one block of both threads'
            # 1,000,000 B, 100 µs + 1 ms; every worker adds 4 × 250,000 entries: 1 ms; the 2,000,000 B copied back to
            # the threads: 1 µs + 200 µs. 51 + 1,100 + 1,000 + 201 = 2,352 µs
            hybrid threads gather in memory before their ranks | HYBRID        | 2 | 2 | 1 | fp16      | 2.352e-3
            # 2 ranks on 2 hosts, top-k 1 %: niodev then a 10 µs, 10 Gbit/s wire (0.8 ns/B): 110 µs + 20,000 B · 1.8 ns
            # = 146 µs; adds 5 µs: 151 µs
            across hosts the blocks cross the wire             | MPJ           | 2 | 1 | 2 | topk:0.01 | 151e-6
            # averaging parameters sends them as floats: the ring of 2 above
            parameter averaging ignores gradient compression   | PARAM_AVG     | 2 | 1 | 1 | fp16      | 1.325e-3
            """)
    void communicationPerStep(String what, Strategy strategy, int procs, int threads, int hosts, String compress,
                              double seconds) {
        assertEquals(seconds, model.predict(scenario(strategy, procs, threads, hosts, compress)).communicationSeconds(),
                EXACT);
    }

    private static MachineCalibration calibration() {
        ComputeProfile profile = new ComputeProfile("m", 250_000,
                List.of(new LayerFit("dense", new LinearFit(0, 1e-3), 0)), new LinearFit(0, 0));
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            transports.put(transport, transport == Transport.THREADS ? new LinkCost(1e-6, 0.1e-9, 1e-9)
                    : new LinkCost(100e-6, 1e-9, 1e-9));
        }
        MachineDescription machine = new MachineDescription("Test CPU", 8, 8, "Linux", "Java 17", 0);
        return new MachineCalibration(machine, "2026-12-05T00:00:00Z", Map.of("m", profile), transports, 1e-9);
    }
}
