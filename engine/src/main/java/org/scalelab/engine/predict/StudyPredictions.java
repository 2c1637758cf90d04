package org.scalelab.engine.predict;

import java.util.Optional;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Parallelism;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.studies.StudyPlan;
import org.scalelab.engine.studies.StudyPlans;
import org.scalelab.engine.studies.StudyPredictor;
import org.scalelab.engine.studies.StudyResults;

/**
 * The scaling model as a study's predictor: a study's configuration becomes a {@link Scenario}, on this machine
 * as it ran there, or spread over hosts of the plan's cores joined by its network.
 */
public final class StudyPredictions implements StudyPredictor {
    private final MachineCalibration calibration;
    private final ScalingModel model;
    private final int coresHere;
    private final int coresPerHost;
    private final NetworkPreset preset;

    private StudyPredictions(MachineCalibration calibration, int coresPerHost, NetworkPreset preset) {
        this.calibration = calibration;
        this.model = new ScalingModel(calibration);
        this.coresHere = calibration.machine().logicalCores();
        this.coresPerHost = coresPerHost > 0 ? coresPerHost : coresHere;
        this.preset = preset;
    }

    /** @throws ConfigException naming {@code predict.network} when the plan names no known network */
    public static StudyPredictions of(MachineCalibration calibration, StudyPlan.Prediction plan) {
        NetworkPreset preset;
        try {
            preset = NetworkPreset.fromId(plan.network());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("predict.network", plan.network(), "expected loopback, 1gbe, 10gbe, 25gbe or 100gb-ib");
        }
        return new StudyPredictions(calibration, plan.coresPerHost(), preset);
    }

    /**
     * {@code results} with the predictions its study's plan asks for ({@code "predict"}), from {@code calibration};
     * as they are when the plan asks for none: what {@code study report} and the workbench's Studies tab show.
     *
     * @throws ConfigException naming the plan's {@code predict} field that is wrong
     */
    public static StudyResults addTo(StudyResults results, MachineCalibration calibration) {
        Optional<StudyPlan.Prediction> plan = StudyPlans.prediction(results.study().plan());
        return plan.isEmpty() ? results : results.withPredictions(of(calibration, plan.get()), plan.get());
    }

    @Override
    public Optional<Point> predict(TrainingConfig config, int trainImages, boolean onThisMachine) {
        String name = config.model().name();
        if (calibration.model(name).isEmpty()) {
            return Optional.empty();
        }
        Parallelism parallelism = config.parallelism();
        int hosts = 1;
        int cores = coresHere;
        if (!onThisMachine) {
            cores = parallelism.strategy().usesProcesses() ? coresPerHost : Math.max(coresPerHost, config.cores());
            int ranksPerHost = Math.max(1, coresPerHost / parallelism.threads());
            hosts = parallelism.strategy().usesProcesses() ? (parallelism.processes() + ranksPerHost - 1) / ranksPerHost : 1;
        }
        Prediction prediction;
        try {
            prediction = model.predict(RunScenarios.of(config, trainImages, hosts, cores,
                    hosts > 1 ? preset.link(calibration.secondsPerReducedFloat()) : null));
        } catch (CalibrationException | ConfigException e) { // overlap and pipelines need the model's layers, as
            // calibrated; a pipeline of more stages than layers cannot be predicted
            return Optional.empty();
        }
        return Optional.of(new Point(prediction.imagesPerSecond(), prediction.speedup(), prediction.efficiency()));
    }

    @Override
    public int coresHere() {
        return coresHere;
    }

    @Override
    public String beyond() {
        return "hosts of " + coresPerHost + " cores joined by " + preset;
    }
}
