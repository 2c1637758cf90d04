package org.scalelab.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalelab.engine.model.spec.BatchNormSpec;
import org.scalelab.engine.model.spec.Conv2DSpec;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.model.spec.LayerSpec;
import org.scalelab.engine.model.spec.MaxPoolSpec;
import org.scalelab.engine.model.spec.ReluSpec;

/**
 * The reference architectures of the five studies users reproduce first, by their preset names. Parameter
 * counts are in the comments and asserted by tests; convolutions have biases, as in PyTorch's default.
 */
public final class Presets {
    private static final Map<String, Architecture> PRESETS = new LinkedHashMap<>();

    static {
        // 784 → 256 ReLU → 128 ReLU → 10, He init for ReLU layers, Xavier for the output. 235,146 parameters.
        add("mlp-235k", "Study B (MNIST MLP in C, OpenMP/MPI): 784-256-128-10 with ReLU",
                SampleShape.image(1, 28, 28), List.of(
                        new FlattenSpec(),
                        new DenseSpec(256), new ReluSpec(),
                        new DenseSpec(128), new ReluSpec(),
                        new DenseSpec(10)));
        // 896 + 18,496 + 1,048,832 + 2,570 = 1,070,794 parameters.
        add("cnn-1m", "Study A (CIFAR-10, serial vs MPI vs hybrid): two 3×3 conv blocks, dense 256",
                SampleShape.image(3, 32, 32), List.of(
                        new Conv2DSpec(32, 3, Padding.SAME), new ReluSpec(), new MaxPoolSpec(2),
                        new Conv2DSpec(64, 3, Padding.SAME), new ReluSpec(), new MaxPoolSpec(2),
                        new FlattenSpec(),
                        new DenseSpec(256), new ReluSpec(),
                        new DenseSpec(10)));
        // The PyTorch CIFAR tutorial net. 456 + 2,416 + 48,120 + 10,164 + 850 = 62,006 parameters.
        add("lenet5", "Study C (CIFAR-10, mpi4py parameter averaging): LeNet-5 of the PyTorch tutorial",
                SampleShape.image(3, 32, 32), List.of(
                        new Conv2DSpec(6, 5, Padding.VALID), new ReluSpec(), new MaxPoolSpec(2),
                        new Conv2DSpec(16, 5, Padding.VALID), new ReluSpec(), new MaxPoolSpec(2),
                        new FlattenSpec(),
                        new DenseSpec(120), new ReluSpec(),
                        new DenseSpec(84), new ReluSpec(),
                        new DenseSpec(10)));
        // Three conv(+bias)/batchnorm/ReLU/pool blocks take 32×32 to 128×4×4 = 2,048 features:
        // (896 + 64) + (18,496 + 128) + (73,856 + 256) + 524,544 + 2,570 = 620,810 parameters.
        add("cnn-bn", "Study D (CIFAR-10, DataParallel vs DDP): three conv+batchnorm blocks 32/64/128, dense 256",
                SampleShape.image(3, 32, 32), Stream.of(
                        convBlock(32), convBlock(64), convBlock(128),
                        List.<LayerSpec>of(new FlattenSpec(), new DenseSpec(256), new ReluSpec(), new DenseSpec(10)))
                        .flatMap(List::stream).toList());
        // As in the study: no activation between the two dense layers, so together they act as one linear
        // map of rank ≤ 128; kept faithful so results compare. 320 + 2,769,024 + 1,290 = 2,770,634 parameters.
        add("cnn-32", "Study D (MNIST, DataParallel vs DDP): conv 3×3 32, dense 128, dense 10",
                SampleShape.image(1, 28, 28), List.of(
                        new Conv2DSpec(32, 3, Padding.VALID), new ReluSpec(),
                        new FlattenSpec(),
                        new DenseSpec(128),
                        new DenseSpec(10)));
        // 28×28 → 26×26×8 → 13×13×8 = 1,352 features. 80 + 13,530 = 13,610 parameters.
        add("tinycnn-8", "Study E (MNIST CNN in C, MPI+OpenMP): conv 3×3 8, pool, dense 10",
                SampleShape.image(1, 28, 28), List.of(
                        new Conv2DSpec(8, 3, Padding.VALID), new ReluSpec(), new MaxPoolSpec(2),
                        new FlattenSpec(),
                        new DenseSpec(10)));
    }

    private Presets() {
    }

    private static List<LayerSpec> convBlock(int filters) {
        return List.of(new Conv2DSpec(filters, 3, Padding.SAME), new BatchNormSpec(), new ReluSpec(), new MaxPoolSpec(2));
    }

    private static void add(String name, String description, SampleShape input, List<LayerSpec> layers) {
        PRESETS.put(name, new Architecture(name, description, input, layers));
    }

    public static List<Architecture> all() {
        return List.copyOf(PRESETS.values());
    }

    public static Optional<Architecture> find(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** Preset names in the order of {@link #all()}, for help texts and error messages. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }
}
