package org.scalelab.engine.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceTiming;

/**
 * Each transport's α and β, fitted by least squares to its measured allreduce times over message sizes (and rank
 * counts), through the same collective equations the predictions use, with γ measured apart. Every equation is
 * linear in α, β and γ, so evaluating it on unit links gives each one's coefficient.
 */
public final class TransportFit {
    private TransportFit() {
    }

    /** The allreduce time of {@code transport} as {@link Collectives} models the algorithm it runs. */
    public static double allreduceSeconds(Transport transport, int ranks, double floats, Fabric fabric) {
        return switch (transport) {
            case THREADS -> Collectives.sharedMemorySum(ranks, floats, fabric.local());
            case NIODEV_BUILTIN, SMPDEV_BUILTIN -> Collectives.mpjBuiltin(ranks, floats, fabric);
            case NIODEV_RING_SHM -> Collectives.sharedGradientsSum(ranks, floats, fabric.local());  // one host only
            case NIODEV_RING, SMPDEV_RING -> Collectives.ring(ranks, floats, fabric);
        };
    }

    /**
     * α and β minimising the squared <em>relative</em> error over {@code timings}, with reduction cost {@code gamma}:
     * predictions are judged by their relative error, and the sweep's sizes span three orders of magnitude, so an
     * absolute fit let the largest calls' noise decide α (0 on an idle machine, 2026-12-05, though 1,024 floats took
     * 0.15 ms) and so every latency term the model charges, the barriers' among them. A coefficient the fit would make
     * negative (noise, on a tiny sweep) is held at 0 and the other refitted.
     */
    public static LinkCost fit(Transport transport, List<AllreduceTiming> timings, double gamma) {
        int n = timings.size();
        if (n == 0) {
            throw new IllegalArgumentException("no timings of " + transport.label() + " to fit");
        }
        double[] a = new double[n];
        double[] b = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            AllreduceTiming timing = timings.get(i);
            double measured = timing.medianMillis() / 1e3;
            // Each row divided by what was measured: least squares on the relative error.
            a[i] = coefficient(transport, timing, new LinkCost(1, 0, 0)) / measured;
            b[i] = coefficient(transport, timing, new LinkCost(0, 1, 0)) / measured;
            y[i] = (measured - coefficient(transport, timing, new LinkCost(0, 0, gamma))) / measured;
        }
        double saa = dot(a, a);
        double sbb = dot(b, b);
        double sab = dot(a, b);
        double say = dot(a, y);
        double sby = dot(b, y);
        double determinant = saa * sbb - sab * sab;
        double alpha = determinant == 0 ? 0 : (say * sbb - sby * sab) / determinant;
        double beta = determinant == 0 ? sby / sbb : (sby * saa - say * sab) / determinant;
        if (alpha < 0) {
            alpha = 0;
            beta = sby / sbb;
        } else if (beta < 0) {
            beta = 0;
            alpha = say / saa;
        }
        beta = Math.max(0, beta);
        return new LinkCost(alpha, beta, gamma, excess(transport, timings, new LinkCost(alpha, beta, gamma)));
    }

    /**
     * What each timing's messages took beyond {@code line}, per message: its time less the line's, shared among the
     * messages of its size on the algorithm's path (those of one size at one rank count; averaged where timings at
     * several rank counts send messages of one size). Also what hosts add beyond a wire ({@link StackBetweenHosts}).
     */
    static MessageExcess excess(Transport transport, List<AllreduceTiming> timings, LinkCost line) {
        Map<Double, List<Double>> bySize = new TreeMap<>();
        for (AllreduceTiming timing : timings) {
            if (timing.ranks() < 2) {
                continue; // nothing sent
            }
            double floats = messageFloats(transport, timing.ranks(), timing.floats());
            double messages = coefficient(transport, timing, new LinkCost(0, 1, 0)) / (Float.BYTES * floats);
            double beyond = timing.medianMillis() / 1e3 - allreduceSeconds(transport, timing.ranks(), timing.floats(),
                    Fabric.singleHost(line, timing.ranks()));
            bySize.computeIfAbsent(floats, f -> new ArrayList<>()).add(beyond / messages);
        }
        return new MessageExcess(bySize.entrySet().stream().map(e -> new MessageExcess.Point(e.getKey(),
                e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow())).toList());
    }

    /**
     * The size of each message an allreduce of {@code floats} over {@code ranks} sends, as {@link Collectives} models
     * its algorithm: the ring's and the shared sums' slices of N/P, the built-in's whole buffer.
     */
    static double messageFloats(Transport transport, int ranks, double floats) {
        return switch (transport) {
            case NIODEV_BUILTIN, SMPDEV_BUILTIN -> floats;
            case THREADS, NIODEV_RING_SHM, NIODEV_RING, SMPDEV_RING -> floats / ranks;
        };
    }

    private static double coefficient(Transport transport, AllreduceTiming timing, LinkCost unit) {
        return allreduceSeconds(transport, timing.ranks(), timing.floats(), Fabric.singleHost(unit, timing.ranks()));
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }
}
