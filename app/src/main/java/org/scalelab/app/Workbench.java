package org.scalelab.app;

import java.util.List;
import java.util.OptionalDouble;
import org.scalelab.app.live.LiveRunViewModel;
import org.scalelab.app.live.LiveState;
import org.scalelab.app.live.RunLauncher;
import org.scalelab.app.setup.ArchitectureViewModel;
import org.scalelab.app.setup.DatasetViewModel;
import org.scalelab.app.setup.ExperimentViewModel;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;

/** The workbench's view models, wired together once; views only bind to them and call their actions. */
public final class Workbench {
    private final DatasetViewModel datasets;
    private final ArchitectureViewModel architectures;
    private final ExperimentViewModel experiment;
    private final LiveRunViewModel live;
    private final RunLauncher launcher;

    public Workbench(WorkbenchSettings settings, Threads threads) {
        this.datasets = new DatasetViewModel(settings.catalog(), threads, DatasetCatalog.DEFAULT_DATASET);
        this.architectures = new ArchitectureViewModel(settings.preset());
        this.experiment = new ExperimentViewModel(datasets, architectures, Runtime.getRuntime().availableProcessors());
        this.live = new LiveRunViewModel(config -> OptionalDouble.empty());
        this.launcher = new RunLauncher(settings.catalog(), threads);
    }

    public DatasetViewModel datasets() {
        return datasets;
    }

    public ArchitectureViewModel architectures() {
        return architectures;
    }

    public ExperimentViewModel experiment() {
        return experiment;
    }

    public LiveRunViewModel live() {
        return live;
    }

    public RunLauncher launcher() {
        return launcher;
    }

    /** Runs the experiment as set up; does nothing while its setup has problems (Run is disabled then). */
    public void run() {
        experiment.config().ifPresent(config -> {
            live.begin(LiveState.PREPARING);
            launcher.start(config, List.of(live.listener()), live::failedBeforeStart, () -> { });
        });
    }

    /** Stops whatever still runs in the background when the window closes. */
    public void close() {
        datasets.cancel();
        launcher.stop();
    }
}
