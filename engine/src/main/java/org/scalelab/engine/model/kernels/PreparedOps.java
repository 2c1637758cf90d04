package org.scalelab.engine.model.kernels;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs ND4J's custom ops (oneDNN's products and convolutions) without their per-call set-up. Building an op, or
 * setting a context's integer and floating-point arguments, allocates native memory: about 20 µs a call, as much as
 * a 64×256×128 product takes. Setting a context's arrays does not. So each thread keeps one {@link OpContext} per op
 * and argument set, and a call only hands it the arrays (docs/PERFORMANCE.md, "oneDNN's products without the op's
 * set-up").
 *
 * <p>The contexts live as long as their thread; each holds on to the arrays of its last call until the next.
 */
public final class PreparedOps {
    private record Signature(String op, List<Integer> integerArguments, List<Double> floatingPointArguments) {
        OpContext newContext() {
            OpContext context = Nd4j.getExecutioner().buildContext();
            if (!integerArguments.isEmpty()) {
                context.setIArguments(integerArguments.stream().mapToLong(Integer::longValue).toArray());
            }
            if (!floatingPointArguments.isEmpty()) {
                context.setTArguments(floatingPointArguments.stream().mapToDouble(Double::doubleValue).toArray());
            }
            return context;
        }
    }

    private static final ThreadLocal<Map<Signature, OpContext>> CONTEXTS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<String, DynamicCustomOp>> OPS = ThreadLocal.withInitial(HashMap::new);

    private PreparedOps() {
    }

    /** Runs {@code op} with these integer arguments and no floating-point ones. */
    public static void run(String op, int[] integerArguments, INDArray[] inputs, INDArray... outputs) {
        run(op, integerArguments, new double[0], inputs, outputs);
    }

    /** Runs {@code op} with these arguments on {@code inputs}, writing {@code outputs}. */
    public static void run(String op, int[] integerArguments, double[] floatingPointArguments, INDArray[] inputs,
                           INDArray... outputs) {
        Signature signature = new Signature(op, Arrays.stream(integerArguments).boxed().toList(),
                Arrays.stream(floatingPointArguments).boxed().toList());
        OpContext context = CONTEXTS.get().computeIfAbsent(signature, Signature::newContext);
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        Nd4j.getExecutioner().exec(OPS.get().computeIfAbsent(op, name -> DynamicCustomOp.builder(name).build()), context);
    }
}
