package org.scalelab.engine.parallel.mpj;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.launch.RankTask;

/** Says "looping" once every rank is past start-up, then allreduces until it is stopped: a job that is mid-run. */
public final class LoopingTask implements RankTask {

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) {
        FloatBuffer data = FloatBuffer.allocate(100_000);
        comm.barrier();
        output.accept("looping");
        while (!Thread.currentThread().isInterrupted()) {
            comm.allreduceSum(data);
        }
        throw new IllegalStateException("interrupted");
    }
}
