package org.scalelab.engine.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.io.AtomicFile;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * What {@code scalelab predict calibrate} measured on one machine, and the machine it measured: predictions from
 * it hold for that machine only, so a calibration is refused on another.
 *
 * @param measuredAt       when, ISO-8601
 * @param models           each calibrated model's compute
 * @param transports       each transport's fitted α, β (and the γ below)
 * @param secondsPerReducedFloat γ: adding one float into another in memory
 */
public record MachineCalibration(MachineDescription machine, String measuredAt, Map<String, ComputeProfile> models,
                                 Map<Transport, LinkCost> transports, double secondsPerReducedFloat) {

    public MachineCalibration {
        models = new TreeMap<>(models);
        transports = Map.copyOf(transports);
    }

    /** Replaced whole ({@link AtomicFile}): a crash leaves the previous calibration, never half a new one. */
    public void save(Path file) throws IOException {
        AtomicFile.replace(file, mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }

    /**
     * The calibration in {@code file}, checked against {@code here}.
     *
     * @throws CalibrationException in one line: missing, unreadable, or measured on another machine
     */
    public static MachineCalibration load(Path file, MachineDescription here) {
        if (!Files.isRegularFile(file)) {
            throw new CalibrationException("no calibration at " + file + ": run scalelab predict calibrate first");
        }
        MachineCalibration calibration;
        try {
            calibration = mapper().readValue(file.toFile(), MachineCalibration.class);
        } catch (IOException e) {
            throw new CalibrationException("calibration " + file + " is unreadable (" + e.getMessage().lines().findFirst()
                    .orElse("") + "): run scalelab predict calibrate again");
        }
        if (!sameMachine(calibration.machine(), here)) {
            throw new CalibrationException("calibration " + file + " was measured on another machine (" + brief(calibration.machine())
                    + ", not " + brief(here) + "): run scalelab predict calibrate here");
        }
        return calibration;
    }

    /** The profile of {@code model}, if it was calibrated. */
    public Optional<ComputeProfile> model(String model) {
        return Optional.ofNullable(models.get(model));
    }

    /** The transport's fitted link; every transport is fitted by a calibration. */
    public LinkCost transport(Transport transport) {
        LinkCost link = transports.get(transport);
        if (link == null) {
            throw new CalibrationException("the calibration has no " + transport.label() + " timing: run scalelab predict calibrate again");
        }
        return link;
    }

    /** Same CPU model and core count: memory size, operating system and load may differ without changing the timings much. */
    static boolean sameMachine(MachineDescription a, MachineDescription b) {
        return a.cpu().equals(b.cpu()) && a.logicalCores() == b.logicalCores();
    }

    private static String brief(MachineDescription machine) {
        return machine.cpu() + ", " + machine.logicalCores() + " logical cores";
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }
}
