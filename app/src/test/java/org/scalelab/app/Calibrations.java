package org.scalelab.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.predict.ComputeProfile;
import org.scalelab.engine.predict.LayerFit;
import org.scalelab.engine.predict.LinearFit;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.StepDistribution;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * Calibrations made of known numbers, for tests that must not measure the machine (that takes minutes): mlp-235k
 * at 0.05 ms and cnn-1m at 1 ms per image with a fixed 0.2 ms per step, half of it serial under native threads,
 * 0.5 ms of rest, 10 % step spread, an MPJ rank 1.2 times as slow as serial; every transport 100 µs and 1 GB/s.
 */
public final class Calibrations {
    /** When every test calibration was "measured". */
    public static final String MEASURED_AT = "2026-12-04T16:40:45.75Z";

    private Calibrations() {
    }

    public static MachineCalibration of(MachineDescription machine) {
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            transports.put(transport, new LinkCost(100e-6, 1e-9, 0));
        }
        return new MachineCalibration(machine, MEASURED_AT, Map.of("mlp-235k", profile("mlp-235k", 235_146, 5e-5),
                "cnn-1m", profile("cnn-1m", 1_070_794, 1e-3)), transports, 2e-9);
    }

    /** This machine's, saved as {@code folder/calibration.json}: where {@link WorkbenchWindow} looks. */
    public static MachineCalibration saveInto(Path folder) throws IOException {
        MachineCalibration calibration = of(MachineDescription.current());
        calibration.save(folder.resolve("calibration.json"));
        return calibration;
    }

    /**
     * As {@link #of}, but mlp-235k timed layer by layer, as a real calibration is and an overlapped allreduce needs:
     * per image 0.15, 0.03 and 0.015 ms for its three dense layers' two passes (flatten and ReLU nothing).
     */
    public static MachineCalibration layered(MachineDescription machine) {
        MachineCalibration flat = of(machine);
        List<LayerFit> layers = List.of(fit("flatten", 0), fit("dense", 1.5e-4), fit("relu", 0), fit("dense", 3e-5),
                fit("relu", 0), fit("dense", 1.5e-5), fit("input, loss and update", 0));
        return new MachineCalibration(machine, MEASURED_AT, Map.of("mlp-235k", new ComputeProfile("mlp-235k", 235_146,
                layers, new LinearFit(0, 0))), flat.transports(), flat.secondsPerReducedFloat());
    }

    private static LayerFit fit(String kind, double secondsPerImage) {
        return new LayerFit(kind, new LinearFit(0, secondsPerImage), 0);
    }

    private static ComputeProfile profile(String model, long parameters, double secondsPerImage) {
        return new ComputeProfile(model, parameters, List.of(new LayerFit("dense", new LinearFit(2e-4, secondsPerImage), 0.5)),
                new LinearFit(5e-4, 0), StepDistribution.STEADY, StepDistribution.STEADY,
                Map.of(Strategy.MPJ, 1.2));
    }
}
