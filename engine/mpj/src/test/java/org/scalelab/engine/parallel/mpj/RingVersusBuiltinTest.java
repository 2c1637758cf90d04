package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.launch.MulticoreJob;
import org.scalelab.engine.parallel.launch.NiodevJob;
import org.scalelab.engine.parallel.launch.RankJobSpec;

/** Rings and built-in allreduce sum in different orders; on Gaussian data they must agree to float rounding. */
class RingVersusBuiltinTest {
    private static final int LENGTH = 100_003;

    @Test
    void onNiodev() throws InterruptedException {
        assertAgree(summed(AllreduceAlgorithm.BUILTIN, 3, true), summed(AllreduceAlgorithm.RING, 3, true));
    }

    @Test
    void onNiodevThroughSharedMemory() throws InterruptedException {
        assertAgree(summed(AllreduceAlgorithm.BUILTIN, 3, true), summed(AllreduceAlgorithm.RING_SHM, 3, true));
    }

    @Test
    void onSmpdevThroughSharedMemory() throws InterruptedException {
        assertAgree(summed(AllreduceAlgorithm.BUILTIN, 4, false), summed(AllreduceAlgorithm.RING_SHM, 4, false));
    }

    @Test
    void onSmpdev() throws InterruptedException {
        assertAgree(summed(AllreduceAlgorithm.BUILTIN, 4, false), summed(AllreduceAlgorithm.RING, 4, false));
    }

    private static void assertAgree(float[] builtin, float[] ring) {
        assertEquals(LENGTH, builtin.length);
        assertEquals(LENGTH, ring.length);
        for (int i = 0; i < LENGTH; i++) {
            assertEquals(builtin[i], ring[i], 1e-5f * Math.max(1f, Math.abs(builtin[i])), "element " + i);
        }
    }

    private static float[] summed(AllreduceAlgorithm algorithm, int ranks, boolean niodev) throws InterruptedException {
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, ranks).allreduce(algorithm)
                .taskArgs("dump", Integer.toString(LENGTH)).build();
        List<String> lines = RankJobs.outputOf(listener -> niodev ? NiodevJob.start(spec, listener)
                : MulticoreJob.start(spec, listener));
        String sum = lines.stream().filter(line -> line.startsWith("0: sum [")).findFirst().orElseThrow();
        String[] values = sum.substring("0: sum [".length(), sum.length() - 1).split(", ");
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = Float.parseFloat(values[i]);
        }
        return floats;
    }
}
