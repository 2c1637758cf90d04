package org.scalelab.engine.parallel.launch;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.scalelab.engine.parallel.comm.Communicator;

/** Prints the allreduced sum of (rank + 1); with argument "fail-on N", rank N throws instead. */
public final class SumOfRanksTask implements RankTask {

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) {
        if (args.size() == 2 && comm.rank() == Integer.parseInt(args.get(1))) {
            throw new IllegalStateException("rank " + comm.rank() + " refuses");
        }
        FloatBuffer value = FloatBuffer.wrap(new float[] {comm.rank() + 1});
        comm.allreduceSum(value);
        output.accept("sum " + value.get(0));
    }
}
