package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceBenchmark;

/** The benchmark's timings travel from MPJ ranks (a child JVM's stdout, an smpdev rank's callback) into the table. */
class AllreduceBenchmarkOnMpjTest {

    @Test
    void everyMpjTransportReportsEveryCell() throws InterruptedException {
        var settings = new AllreduceBenchmark.Settings(List.of(Transport.NIODEV_RING, Transport.SMPDEV_BUILTIN,
                Transport.SMPDEV_RING), List.of(3), List.of(10, 1000), 1, 3);
        var results = AllreduceBenchmark.run(settings, step -> { });

        assertEquals(0, results.failures().size(), results.failures().toString());
        for (Transport transport : settings.transports()) {
            for (int floats : settings.sizes()) {
                assertTrue(results.millis(transport, floats, 3).isPresent(), transport + " " + floats);
            }
        }
    }
}
