package org.scalelab.engine.parallel.mpj;

import java.util.List;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.NdBuffers;
import org.scalelab.engine.parallel.launch.RankTask;

/** Allreduces an ND4J array in place through its buffer view and says which class loader gave it ND4J. */
public final class NdArrayTask implements RankTask {

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) {
        INDArray gradient = Nd4j.createFromArray(new float[] {comm.rank() + 1, 10 * (comm.rank() + 1)});
        comm.allreduceSum(NdBuffers.view(gradient));
        output.accept("sum " + gradient.getFloat(0) + " " + gradient.getFloat(1)
                + " nd4j-loader " + Nd4j.class.getClassLoader().getName()
                + " task-loader " + getClass().getClassLoader().getName());
    }
}
