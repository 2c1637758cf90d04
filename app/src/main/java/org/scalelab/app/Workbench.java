package org.scalelab.app;

import org.scalelab.app.charts.ChartBook;
import org.scalelab.app.setup.ArchitectureViewModel;
import org.scalelab.app.setup.DatasetViewModel;
import org.scalelab.app.ui.Threads;
import org.scalelab.engine.data.DatasetCatalog;

/** The workbench's view models, wired together once; views only bind to them. */
public final class Workbench {
    private final DatasetViewModel datasets;
    private final ArchitectureViewModel architectures;
    private final ChartBook liveCharts = new ChartBook();

    public Workbench(WorkbenchSettings settings, Threads threads) {
        this.datasets = new DatasetViewModel(settings.catalog(), threads, DatasetCatalog.DEFAULT_DATASET);
        this.architectures = new ArchitectureViewModel(settings.preset());
    }

    public DatasetViewModel datasets() {
        return datasets;
    }

    public ArchitectureViewModel architectures() {
        return architectures;
    }

    public ChartBook liveCharts() {
        return liveCharts;
    }

    /** Stops whatever still runs in the background when the window closes. */
    public void close() {
        datasets.cancel();
    }
}
