package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.GradientCompression;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * Predictions from a hand-made calibration: 1 ms per image with one thread, all of it parallel, no rest, no spread;
 * free shared memory; niodev at 100 µs and 1 GB/s. Every expected value is worked by hand in the comments.
 */
class ScalingModelTest {
    private static final long PARAMETERS = 250_000;
    private static final double EXACT = 1e-9;
    /** 100 steps of 64 images. */
    private static final int EPOCH = 6400;

    /** Steps 10 % short or long, as often: σ = 0.1, and the slower of two is 1.1 where the mean is 1, so 0.05 late. */
    static final StepDistribution TEN_PERCENT = new StepDistribution(new double[] {0.9, 1.1});

    private final ScalingModel model = new ScalingModel(calibration(StepDistribution.STEADY));

    @Test
    void aValidationEpochLastsAboutOneAndAHalfSecondsButNoLongerThanItsImages() {
        // 64 ms serial steps: 1.5 s is 24 steps, which 100 steps of images hold and 10 do not.
        assertEquals(24, Validation.Settings.lasting(model, scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG), null, null, 3)
                .steps());
        Scenario tenSteps = new Scenario("m", Strategy.THREADS, 1, 2, AllreduceAlgorithm.RING, 1, 2, null, 64,
                Scaling.STRONG, 640, 1, false);
        assertEquals(10, Validation.Settings.lasting(model, tenSteps, null, null, 3).steps());
        assertEquals(new Validation.Settings(7, 2, 3), Validation.Settings.lasting(model, tenSteps, 7, 2, 3), "as given");
    }

    /** The model predicts a warm step: a rank's new JVM needs seconds of training to reach its steady speed. */
    @Test
    void aValidationWarmsUpForAboutEightSecondsBeforeItTimes() {
        Scenario scenario = scenario(Strategy.MPJ, 2, 1, 1, Scaling.STRONG);
        // 24 steps of 64 ms: epochs of 1.536 s, six of which last 8 s
        assertEquals(new Validation.Settings(24, 6, 3), Validation.Settings.lasting(model, scenario, null, null, 3));
        // 100 steps: epochs of 6.4 s, two of which last 8 s
        assertEquals(2, Validation.Settings.lasting(model, scenario, 100, null, 3).warmup());
        assertEquals(1, Validation.Settings.lasting(model, scenario, 200, null, 3).warmup(), "at least one");
        assertEquals(WarmUp.MOST_EPOCHS, Validation.Settings.lasting(model, scenario, 1, null, 3).warmup(),
                "125 epochs of one step: each ends with an evaluation");
    }

    /** Three epochs of mlp-235k on mnist-mini, 90 ms each, timed the scheduler as much as the model. */
    @Test
    void aValidationTimesShortEpochsForAboutThreeSeconds() {
        Scenario scenario = scenario(Strategy.MPJ, 2, 1, 1, Scaling.STRONG);
        assertEquals(3, Validation.Settings.lasting(model, scenario, null, null, null).repeats(),
                "epochs of 1.536 s: three at least");
        assertEquals(24, Validation.Settings.lasting(model, scenario, 2, null, null).repeats(), "epochs of 128 ms");
        assertEquals(TimedEpochs.MOST, Validation.Settings.lasting(model, scenario, 1, null, null).repeats(),
                "epochs of 64 ms: 47 would last 3 s; each ends with an evaluation");
        assertEquals(5, Validation.Settings.lasting(model, scenario, 1, null, 5).repeats(), "as given");
    }

    /** The trained runs took less than the layers timed alone: the step's parts say so in compute, none below zero. */
    @Test
    void aNegativeRestCorrectsComputeRatherThanShowingBelowZero() {
        MachineCalibration line = calibration(StepDistribution.STEADY);
        ComputeProfile m = line.model("m").orElseThrow();
        // 1 ms an image by the layers, 0.25 ms an image less in training
        MachineCalibration trainedFaster = new MachineCalibration(line.machine(), line.measuredAt(),
                Map.of("m", m.withRest(new LinearFit(0, -0.25e-3))), line.transports(), 0);
        Prediction two = new ScalingModel(trainedFaster).predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG));
        assertEquals(0, two.restSeconds(), EXACT);
        assertEquals(32 * 0.75e-3, two.computeSeconds(), EXACT);
        assertEquals(two.computeSeconds() + two.communicationSeconds() + two.waitSeconds(), two.stepSeconds(), EXACT);
    }

    @Test
    void serialIsItsOwnBaseline() {
        Prediction serial = model.predict(scenario(Strategy.SERIAL, 1, 1, 1, Scaling.STRONG));
        assertEquals(0.064, serial.stepSeconds(), EXACT);
        assertEquals(1000, serial.imagesPerSecond(), 1e-6);
        assertEquals(1, serial.speedup(), EXACT);
        assertEquals(1, serial.efficiency(), EXACT);
    }

    @Test
    void threadsSplitTheBatchAndTimeShareOnceTheCoresRunOut() {
        Prediction two = model.predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG));
        assertEquals(0.032, two.computeSeconds(), EXACT);
        assertEquals(2, two.speedup(), 1e-9);
        assertFalse(two.oversubscribed());
        // 4 workers of 16 images on 2 cores: 16 ms of compute time-shared two ways
        Prediction four = model.predict(scenario(Strategy.THREADS, 1, 4, 1, Scaling.STRONG));
        assertEquals(0.032, four.computeSeconds(), EXACT);
        assertEquals(0.5, four.efficiency(), 1e-9);
        assertTrue(four.oversubscribed());
    }

    @Test
    void eachStrategysWorkersTakeTheSlowdownMeasuredForOneOfThem() {
        MachineCalibration measured = calibration(StepDistribution.STEADY);
        measured = new MachineCalibration(measured.machine(), measured.measuredAt(), Map.of("m", measured.model("m")
                .orElseThrow().withWorkerSlowdown(Map.of(Strategy.MPJ, 1.5))), measured.transports(), 0);
        ScalingModel slower = new ScalingModel(measured);
        // 32 images at 1 ms each, 1.5× in an mpj rank: 48 ms; the same two workers as threads, not measured slower: 32 ms
        assertEquals(0.048, slower.predict(scenario(Strategy.MPJ, 2, 1, 1, Scaling.STRONG)).computeSeconds(), EXACT);
        assertEquals(0.032, slower.predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG)).computeSeconds(), EXACT);
        assertEquals(0.064, slower.predict(scenario(Strategy.SERIAL, 1, 1, 1, Scaling.STRONG)).stepSeconds(), EXACT);
    }

    @Test
    void ranksThatOutnumberTheirHostsCoresShareThemInTheirCommunicationToo() {
        // ring of 4 on one host of 2 cores: 6 steps of 62,500 floats, 6·(100 µs + 250,000 B·1 ns) = 2.1 ms as
        // calibrated; 4 busy threads on 2 cores: twice that
        Prediction four = model.predict(scenario(Strategy.MPJ, 4, 1, 1, Scaling.STRONG));
        assertTrue(four.oversubscribed());
        assertEquals(2 * 2.1e-3, four.communicationSeconds(), EXACT);
        // over the wire the NIC shares no core: on 2 hosts of 2 cores the same ring is charged as calibrated
        Prediction spread = model.predict(new Scenario("m", Strategy.MPJ, 4, 1, AllreduceAlgorithm.RING, 2, 2,
                LinkCost.of(0, Double.POSITIVE_INFINITY, 0), 64, Scaling.STRONG, EPOCH, 1, false));
        assertFalse(spread.oversubscribed());
        assertEquals(2.1e-3, spread.communicationSeconds(), EXACT);
        // four emulated hosts on those 2 cores have half a core each: shared again, whatever the wire
        Prediction halfCores = model.predict(new Scenario("m", Strategy.MPJ, 4, 1, AllreduceAlgorithm.RING, 4, 0.5,
                LinkCost.of(0, Double.POSITIVE_INFINITY, 0), 64, Scaling.STRONG, EPOCH, 1, false));
        assertTrue(halfCores.oversubscribed());
        assertEquals(2 * 2.1e-3, halfCores.communicationSeconds(), EXACT);
    }

    @Test
    void mpjRanksPayTheirAllreduceAndTheBarrierBeforeIt() {
        // ring of 2 over 250,000 floats: 2 steps of 125,000 floats: 2·(100 µs + 500,000 B·1 ns) = 1.2 ms (γ = 0);
        // the barrier: rank 1 up to rank 0 and back, 2·100 µs = 0.2 ms, counted as waiting (no spread here)
        Prediction ring = model.predict(scenario(Strategy.MPJ, 2, 1, 1, Scaling.STRONG));
        assertEquals(1.2e-3, ring.communicationSeconds(), EXACT);
        assertEquals(0.2e-3, ring.waitSeconds(), EXACT);
        assertEquals(0.032 + 1.4e-3, ring.stepSeconds(), EXACT);
        assertEquals(64 / (0.032 + 1.4e-3) / 1000, ring.speedup(), 1e-9);
    }

    @Test
    void mpjsBarrierClimbsATreeOfFourChildrenAndTheSharedMemoryRingsGoesAround() {
        // 6 ranks (6 cores, so nothing time-shared): rank 5 is a child of rank 1, two levels, 2·2·100 µs = 0.4 ms
        assertEquals(0.4e-3, model.predict(new Scenario("m", Strategy.MPJ, 6, 1, AllreduceAlgorithm.RING, 1, 6, null, 60,
                Scaling.STRONG, EPOCH, 1, false)).waitSeconds(), EXACT);
        // the shared-memory ring's barrier: 5 exchanges of 100 µs
        assertEquals(0.5e-3, model.predict(new Scenario("m", Strategy.MPJ, 6, 1, AllreduceAlgorithm.RING_SHM, 1, 6, null,
                60, Scaling.STRONG, EPOCH, 1, false)).waitSeconds(), EXACT);
        // across hosts each level crosses the wire too: 2·(100 + 10) µs
        assertEquals(0.22e-3, model.predict(new Scenario("m", Strategy.MPJ, 2, 1, AllreduceAlgorithm.RING, 2, 1,
                LinkCost.of(10, 10, 0), 64, Scaling.STRONG, EPOCH, 1, false)).waitSeconds(), EXACT);
        // threads meet in memory and tell waiting apart without a barrier
        assertEquals(0, model.predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG)).waitSeconds(), EXACT);
        assertEquals(1, Collectives.treeLevels(5, 4));
        assertEquals(2, Collectives.treeLevels(21, 4));
        assertEquals(3, Collectives.treeLevels(22, 4));
        assertEquals(0, Collectives.treeLevels(1, 4));
    }

    @Test
    void hostsAddCoresAndTheNetwork() {
        // 8 ranks on 4 hosts of 2 cores: 8 images each; ring of 8 through niodev (100 µs, 1 ns/B) then the wire
        // (10 µs, 10 Gbit/s = 0.8 ns/B): 14 steps of 31,250 floats = 125,000 B: 14·(110 µs + 125,000·1.8 ns) = 4.69 ms
        Scenario scenario = new Scenario("m", Strategy.MPJ, 8, 1, AllreduceAlgorithm.RING, 4, 2,
                LinkCost.of(10, 10, 0), 64, Scaling.STRONG, EPOCH, 1, false);
        Prediction prediction = model.predict(scenario);
        assertEquals(0.008, prediction.computeSeconds(), EXACT);
        assertEquals(4.69e-3, prediction.communicationSeconds(), 1e-12);
        assertFalse(prediction.oversubscribed());
    }

    @Test
    void aRingAcrossHostsSendsOverTheLinkAsMeasuredBothWaysAtOnce() {
        // as above, but each direction gets 5 Gbit/s (1.6 ns/B) while both are busy: 14·(110 µs + 125,000·2.6 ns) = 6.09 ms;
        // the tree (built-in) sends one way at a time: ⌈log₂4⌉ = 2 rounds over the wire (1.8 ns/B), 1 over niodev (1 ns/B),
        // each 2·(α + 1,000,000 B·β): 2·2·(110 µs + 1.8 ms) + 2·(100 µs + 1 ms) = 9.84 ms
        LinkCost oneWay = LinkCost.of(10, 10, 0);
        LinkCost bothWays = LinkCost.of(10, 5, 0);
        Prediction ring = model.predict(new Scenario("m", Strategy.MPJ, 8, 1, AllreduceAlgorithm.RING, 4, 2, oneWay, bothWays,
                64, Scaling.STRONG, EPOCH, 1, false, GradientCompression.NONE));
        assertEquals(6.09e-3, ring.communicationSeconds(), 1e-12);
        Prediction tree = model.predict(new Scenario("m", Strategy.MPJ, 8, 1, AllreduceAlgorithm.BUILTIN, 4, 2, oneWay, bothWays,
                64, Scaling.STRONG, EPOCH, 1, false, GradientCompression.NONE));
        assertEquals(9.84e-3, tree.communicationSeconds(), 1e-12);
    }

    @Test
    void aStackMeasuredAcrossTheLinksTakesLoopbacksPlaceAndIsTimeSharedBeyondItsOneRankAHost() {
        // ring of 4 on 4 hosts: 6 steps of 62,500 floats = 250,000 B; the wire both ways 10 µs + 250,000·1.6 ns = 410 µs
        LinkCost oneWay = LinkCost.of(10, 10, 0);
        LinkCost bothWays = LinkCost.of(10, 5, 0);
        Scenario twoCores = new Scenario("m", Strategy.MPJ, 4, 1, AllreduceAlgorithm.RING, 4, 2, oneWay, bothWays, 64,
                Scaling.STRONG, EPOCH, 1, false, GradientCompression.NONE);
        Scenario halfACore = new Scenario("m", Strategy.MPJ, 4, 1, AllreduceAlgorithm.RING, 4, 0.5, oneWay, bothWays, 64,
                Scaling.STRONG, EPOCH, 1, false, GradientCompression.NONE);
        // without one, niodev's loopback line (100 µs, 1 ns/B): 6·(100 + 250 + 410) µs
        assertEquals(4.56e-3, model.predict(twoCores).communicationSeconds(), 1e-12);
        // measured across the link: 50 µs and 2 ns/B, and 100 µs beyond that line at this size: 6·(650 + 410) µs
        LinkCost stack = new LinkCost(50e-6, 2e-9, 0, new MessageExcess(List.of(new MessageExcess.Point(62_500, 100e-6))));
        ScalingModel measured = new ScalingModel(calibration(StepDistribution.STEADY), stack);
        assertEquals(6.36e-3, measured.predict(twoCores).communicationSeconds(), 1e-12);
        // half a core per host (emulated hosts), one rank each: the hosts' cores were shared so when it was measured
        assertEquals(6.36e-3, measured.predict(halfACore).communicationSeconds(), 1e-12);
        // two ranks to a host's core: the hosts' part twice as long, the wire's not; ring of 8: 14 steps of 31,250
        // floats = 125,000 B, the stack 2·(50 + 250 + 100) µs (below the measured size, its excess), the wire 210 µs
        Scenario twoRanksToACore = new Scenario("m", Strategy.MPJ, 8, 1, AllreduceAlgorithm.RING, 4, 1, oneWay, bothWays, 64,
                Scaling.STRONG, EPOCH, 1, false, GradientCompression.NONE);
        assertEquals(14 * 1_010e-6, measured.predict(twoRanksToACore).communicationSeconds(), 1e-12);
        // on one host nothing crosses the link: the calibrated transport alone
        assertEquals(model.predict(scenario(Strategy.MPJ, 2, 1, 1, Scaling.STRONG)),
                measured.predict(scenario(Strategy.MPJ, 2, 1, 1, Scaling.STRONG)));
    }

    @Test
    void weakScalingGrowsTheGlobalBatch() {
        Prediction weak = model.predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.WEAK));
        assertEquals(128, weak.globalBatch());
        assertEquals(0.064, weak.computeSeconds(), EXACT);
        assertEquals(2, weak.speedup(), 1e-9);
    }

    @Test
    void stragglersWaitForTheSlowestOfTheWorkers() {
        // two workers of 32 ms steps, 10 % short or long as often: the slower is 0.05 · 32 ms = 1.6 ms past the mean
        Prediction two = new ScalingModel(calibration(TEN_PERCENT)).predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG));
        assertEquals(1.6e-3, two.waitSeconds(), 1e-12);
    }

    @Test
    void workersSharingAHostTakeAsLongAsMeasuredBesideAnotherAndWaitForItsTail() {
        // beside another worker every step takes 1.1 or 1.3 of a step alone, so 1.2 on average
        MachineCalibration calibration = calibration(TEN_PERCENT, new StepDistribution(new double[] {1.1, 1.3}));
        ScalingModel sharing = new ScalingModel(calibration);
        Prediction threads = sharing.predict(scenario(Strategy.THREADS, 1, 2, 1, Scaling.STRONG));
        assertEquals(0.032 * 1.2, threads.computeSeconds(), EXACT);
        // the slower of two is 1.3 unless both are 1.1 (one time in four): E[max] = 1.25, 0.05 past the mean; of 32 ms
        assertEquals(0.032 * 0.05, threads.waitSeconds(), EXACT);
        // one rank on each of two hosts: alone, 32 ms, and the alone spread's 1.6 ms wait beside the barrier's
        Prediction apart = sharing.predict(scenario(Strategy.MPJ, 2, 1, 2, Scaling.STRONG));
        assertEquals(0.032, apart.computeSeconds(), EXACT);
        Prediction apartSteady = new ScalingModel(calibration(StepDistribution.STEADY)).predict(scenario(Strategy.MPJ, 2, 1, 2,
                Scaling.STRONG));
        assertEquals(apartSteady.waitSeconds() + 1.6e-3, apart.waitSeconds(), EXACT);
        // one worker, serial's baseline: alone
        assertEquals(0.064, sharing.predict(scenario(Strategy.SERIAL, 1, 1, 1, Scaling.STRONG)).computeSeconds(), EXACT);
    }

    @Test
    void averagingEveryKStepsCountsTheEndOfEpochAverageToo() {
        // one averaging of 2 ranks is the ring's 1.2 ms (above); 100 steps per epoch
        assertEquals(1.2e-3, model.predict(averaging(1, false, EPOCH, Scaling.STRONG)).communicationSeconds(), EXACT);
        // k = 4: 25 averagings in 100 steps: 0.25 · 1.2 ms = 0.3 ms
        assertEquals(0.3e-3, model.predict(averaging(4, false, EPOCH, Scaling.STRONG)).communicationSeconds(), EXACT);
        // k = 3: 33 averagings after 99 steps and one more at the epoch's end: 34/100 · 1.2 ms = 0.408 ms
        assertEquals(0.408e-3, model.predict(averaging(3, false, EPOCH, Scaling.STRONG)).communicationSeconds(), EXACT);
    }

    @Test
    void averagingOncePerEpochSpreadsOneAveragingOverTheEpochsSteps() {
        // k = 0: 1.2 ms over 100 steps = 12 µs a step
        Prediction once = model.predict(averaging(0, false, EPOCH, Scaling.STRONG));
        assertEquals(12e-6, once.communicationSeconds(), EXACT);
        // and its barrier's 0.2 ms likewise: 2 µs a step
        assertEquals(0.032 + 12e-6 + 2e-6, once.stepSeconds(), EXACT);
        // 6,430 images: 100 full steps and one of 30, so 101 steps
        assertEquals(1.2e-3 / 101, model.predict(averaging(0, false, 6430, Scaling.STRONG)).communicationSeconds(), EXACT);
        // weak scaling: 2 workers × 64 images a step, 50 steps: 24 µs
        assertEquals(24e-6, model.predict(averaging(0, false, EPOCH, Scaling.WEAK)).communicationSeconds(), EXACT);
        // through the master: rank 1 sends 250,000 floats and gets the average back: 2·(100 µs + 1 ms) = 2.2 ms; /100
        assertEquals(22e-6, model.predict(averaging(0, true, EPOCH, Scaling.STRONG)).communicationSeconds(), EXACT);
    }

    @Test
    void averagingOncePerEpochWaitsForTheSlowestEpochNotEachStep() {
        // the slower of two 32 ms steps is 1.6 ms late (above); over 100 steps between meetings, 1.6 ms / √100 a step,
        // and the barrier's 2 µs
        Prediction once = new ScalingModel(calibration(TEN_PERCENT)).predict(averaging(0, false, EPOCH, Scaling.STRONG));
        assertEquals(1.6e-3 / 10 + 2e-6, once.waitSeconds(), 1e-12);
    }

    @Test
    void communicationOvertakesComputeWhereTheRingCostsMoreThanTheShrinkingShare() {
        // P ranks: compute 64/P ms; ring ≈ 2(P−1)·(100 µs + 1 MB/P · 1 ns): first above compute at P = 8
        // (P = 4: 16 ms against 6·(0.1 + 0.25) = 2.1 ms; P = 8: 8 ms against 14·(0.1 + 0.125) = 3.15 ms; P = 16: 4 ms
        // against 30·0.1625 = 4.875 ms)
        Scenario scenario = scenario(Strategy.MPJ, 1, 1, 1, Scaling.STRONG);
        assertEquals(16, model.communicationOvertakesCompute(scenario.withProcs(2)).getAsInt());
    }

    @Test
    void anUncalibratedModelIsNamed() {
        Scenario other = new Scenario("cnn-1m", Strategy.SERIAL, 1, 1, AllreduceAlgorithm.RING, 1, 2, null, 64,
                Scaling.STRONG, EPOCH, 1, false);
        CalibrationException e = assertThrows(CalibrationException.class, () -> model.predict(other));
        assertEquals("model cnn-1m is not calibrated: run scalelab predict calibrate --models cnn-1m", e.getMessage());
    }

    private static Scenario scenario(Strategy strategy, int procs, int threads, int hosts, Scaling scaling) {
        return new Scenario("m", strategy, procs, threads, AllreduceAlgorithm.RING, hosts, 2, null, 64, scaling, EPOCH, 1, false);
    }

    private static Scenario averaging(int period, boolean viaMaster, int epochImages, Scaling scaling) {
        return new Scenario("m", Strategy.PARAM_AVG, 2, 1, AllreduceAlgorithm.RING, 1, 2, null, 64, scaling, epochImages,
                period, viaMaster);
    }

    /** Steps spread as {@code steps} alone and beside another worker alike. */
    static MachineCalibration calibration(StepDistribution steps) {
        return calibration(steps, steps);
    }

    static MachineCalibration calibration(StepDistribution alone, StepDistribution beside) {
        ComputeProfile profile = new ComputeProfile("m", PARAMETERS,
                List.of(new LayerFit("dense", new LinearFit(0, 1e-3), 0)), new LinearFit(0, 0), alone, beside);
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            transports.put(transport, transport == Transport.THREADS ? new LinkCost(0, 0, 0) : new LinkCost(100e-6, 1e-9, 0));
        }
        MachineDescription machine = new MachineDescription("Test CPU", 2, 4, "Linux", "Java 17", 0);
        return new MachineCalibration(machine, "2026-12-04T00:00:00Z", Map.of("m", profile), transports, 0);
    }
}
