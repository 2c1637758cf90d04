package org.scalelab.engine.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.provenance.MachineDescription;

class MachineCalibrationTest {
    @TempDir
    Path dir;

    @Test
    void aSavedCalibrationReloadsOnTheSameMachine() throws IOException {
        MachineCalibration calibration = ScalingModelTest.calibration(ScalingModelTest.TEN_PERCENT,
                new StepDistribution(new double[] {1.02, 1.05, 1.4}));
        Path file = dir.resolve("calibration.json");
        calibration.save(file);
        MachineDescription sameCpuOtherLoad = new MachineDescription("Test CPU", 2, 8, "Linux 6", "Java 21", 1.5);
        MachineCalibration loaded = MachineCalibration.load(file, sameCpuOtherLoad);
        assertEquals(calibration, loaded);
        assertEquals(new ScalingModel(calibration).predict(scenario()), new ScalingModel(loaded).predict(scenario()));
    }

    @Test
    void aTransportsExcessIsSavedAndACalibrationWithoutOneLoadsAsALine() throws IOException {
        MachineCalibration line = ScalingModelTest.calibration(StepDistribution.STEADY);
        Map<Transport, LinkCost> transports = new EnumMap<>(line.transports());
        LinkCost ring = transports.get(Transport.NIODEV_RING);
        transports.put(Transport.NIODEV_RING, new LinkCost(ring.latencySeconds(), ring.secondsPerByte(), 0,
                new MessageExcess(List.of(new MessageExcess.Point(512, -1e-5), new MessageExcess.Point(535_397, 4e-3)))));
        MachineCalibration bent = new MachineCalibration(line.machine(), line.measuredAt(), line.models(), transports, 0);
        Path file = dir.resolve("calibration.json");
        bent.save(file);
        assertEquals(bent, MachineCalibration.load(file, bent.machine()));

        // saved before the excess was measured: no "excess" field
        line.save(file);
        String older = Files.readString(file).replaceAll(",\\s*\"excess\"\\s*:\\s*\\{\\s*\"points\"\\s*:\\s*\\[\\s*]\\s*}", "");
        assertFalse(older.contains("excess"), older);
        Files.writeString(file, older);
        assertEquals(line, MachineCalibration.load(file, line.machine()));
    }

    @Test
    void anotherMachinesCalibrationIsRefusedInOneLine() throws IOException {
        Path file = dir.resolve("calibration.json");
        ScalingModelTest.calibration(StepDistribution.STEADY).save(file);
        MachineDescription other = new MachineDescription("Other CPU", 16, 64, "Linux", "Java 17", 0);
        CalibrationException e = assertThrows(CalibrationException.class, () -> MachineCalibration.load(file, other));
        assertEquals("calibration " + file + " was measured on another machine (Test CPU, 2 logical cores, not Other CPU, "
                + "16 logical cores): run scalelab predict calibrate here", e.getMessage());
    }

    @Test
    void aMissingOrBrokenCalibrationSaysWhatToRun() throws IOException {
        Path missing = dir.resolve("none.json");
        MachineDescription here = MachineDescription.current();
        assertEquals("no calibration at " + missing + ": run scalelab predict calibrate first",
                assertThrows(CalibrationException.class, () -> MachineCalibration.load(missing, here)).getMessage());
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"machine\": ");
        String message = assertThrows(CalibrationException.class, () -> MachineCalibration.load(broken, here)).getMessage();
        assertEquals(1, message.lines().count(), message);
    }

    /** One written before one-worker runs were measured lacks them: calibrate again rather than predict without. */
    @Test
    void aCalibrationFromBeforeOneWorkerRunsWereMeasuredIsRefused() throws IOException {
        assertOlderCalibrationRefused(",\\s*\"workerSlowdown\"\\s*:\\s*\\{\\s*}", "no workerSlowdown");
    }

    /** Likewise one from before steps were timed beside a second worker: its wait came from a normal's spread. */
    @Test
    void aCalibrationFromBeforeWorkersWereTimedSideBySideIsRefused() throws IOException {
        assertOlderCalibrationRefused(",\\s*\"(alone|beside)Steps\"\\s*:\\s*\\[[^]]*]", "no aloneSteps or besideSteps");
    }

    private void assertOlderCalibrationRefused(String fieldsItLacks, String reason) throws IOException {
        Path file = dir.resolve("calibration.json");
        ScalingModelTest.calibration(StepDistribution.STEADY).save(file);
        String saved = Files.readString(file);
        String older = saved.replaceAll(fieldsItLacks, "");
        assertNotEquals(saved, older);
        Files.writeString(file, older);
        MachineDescription sameCpu = new MachineDescription("Test CPU", 2, 8, "Linux 6", "Java 21", 1.5);
        String message = assertThrows(CalibrationException.class, () -> MachineCalibration.load(file, sameCpu)).getMessage();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("calibration " + file + " is unreadable ("), message);
        assertTrue(message.contains(reason + ": calibrated by an older ScaleLab"), message);
        assertTrue(message.endsWith("): run scalelab predict calibrate again"), message);
    }

    private static Scenario scenario() {
        return new Scenario("m", org.scalelab.engine.config.Strategy.MPJ, 2, 1,
                org.scalelab.engine.config.AllreduceAlgorithm.BUILTIN, 1, 2, null, 64,
                org.scalelab.engine.config.Scaling.STRONG, 6400, 1, false);
    }
}
