package org.scalelab.engine.parallel.mpj;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.launch.RankTask;

/** Rank {@code args[0]} throws once all ranks are running; the others go on allreducing, as if nothing happened. */
public final class FailingTask implements RankTask {
    static final String MESSAGE = "gave up on purpose";

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) {
        comm.barrier();
        if (comm.rank() == Integer.parseInt(args.get(0))) {
            throw new IllegalStateException("rank " + comm.rank() + " " + MESSAGE);
        }
        FloatBuffer data = FloatBuffer.allocate(1000);
        while (true) {
            comm.allreduceSum(data);
        }
    }
}
