package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.AllreduceBenchmark.Results;
import org.scalelab.engine.bench.AllreduceBenchmark.Settings;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.provenance.MachineDescription;

class AllreduceReportTest {
    private static final MachineDescription MACHINE = new MachineDescription("Test CPU", 2, 8, "Linux", "Java 17", 0.5);
    private static final Settings SETTINGS = new Settings(
            List.of(Transport.NIODEV_BUILTIN, Transport.NIODEV_RING, Transport.NIODEV_RING_SHM, Transport.THREADS),
            List.of(2, 4), List.of(1000), 1, 5);

    @Test
    void markdownHasOneRowPerSizeAndRankCountAndEachRingsSpeedUp() {
        Results results = new Results(SETTINGS, Map.of(
                Transport.NIODEV_BUILTIN, List.of(new AllreduceTiming(1000, 2, 2.0), new AllreduceTiming(1000, 4, 9.0)),
                Transport.NIODEV_RING, List.of(new AllreduceTiming(1000, 2, 2.5), new AllreduceTiming(1000, 4, 3.0)),
                Transport.NIODEV_RING_SHM, List.of(new AllreduceTiming(1000, 4, 1.5)),
                Transport.THREADS, List.of(new AllreduceTiming(1000, 2, 0.25))), Map.of());
        String report = AllreduceReport.render(results, MACHINE, true);

        assertTrue(report.contains("Machine: Test CPU, 2 logical cores, 8.0 GiB RAM, Linux, Java 17; load average 0.50"), report);
        assertTrue(report.contains("| floats | ranks | niodev built-in | niodev ring | niodev, shm ring "
                + "| threads, shared memory | niodev ring speed-up | niodev, shm ring speed-up |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| 1,000 | 2 | 2.00 | 2.50 | – | 0.25 | 0.8× | – |\n"
                + "| 1,000 | 4 | 9.00 | 3.00 | 1.50 | – | 3.0× | 6.0× |\n"), report);
    }

    @Test
    void transportsThatFailedForOneReasonAreNamedTogetherOnce() {
        Results results = new Results(SETTINGS, Map.of(), Map.of(Transport.NIODEV_BUILTIN, "MPJ is missing",
                Transport.NIODEV_RING, "MPJ is missing"));
        String report = AllreduceReport.render(results, MACHINE, false);
        assertEquals(1, report.split("did not run", -1).length - 1, report);
        assertTrue(report.contains("niodev built-in, niodev ring did not run: MPJ is missing"), report);
    }
}
