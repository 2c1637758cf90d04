package org.scalelab.engine.runs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.report.ChartPalette;

/** The workbench's phase chart keeps communication hidden behind the backward pass apart from the waited-for kind. */
class HiddenCommunicationChartTest {
    @Test
    void anOverlappedRunsPhaseChartShowsHiddenAndWaitedCommunicationAsTwoSeries() {
        ChartBook book = new ChartBook();
        RunCharting charting = new RunCharting(book.addRun("threads 2, overlap"));
        Map<Phase, Double> seconds = Map.of(Phase.FORWARD, 0.2, Phase.BACKWARD, 0.4, Phase.COMMUNICATION, 0.05,
                Phase.HIDDEN_COMMUNICATION, 0.15, Phase.UPDATE, 0.1);
        charting.accept(new EpochCompleted(1, 0.01, 0.5, 0.9, 0.5, 0.9, 640, 0.75, 0.8, 1.0,
                List.of(new WorkerPhases(0, seconds), new WorkerPhases(1, seconds))));

        CategoryPlot plot = book.chart(ChartKind.PHASES_PER_WORKER).getCategoryPlot();
        CategoryDataset phases = plot.getDataset();
        assertEquals(0.05, phases.getValue("communication", phases.getColumnKey(0)).doubleValue(), 1e-12);
        assertEquals(0.15, phases.getValue("hidden_communication", phases.getColumnKey(0)).doubleValue(), 1e-12);
        int hidden = phases.getRowIndex("hidden_communication");
        assertEquals(ChartPalette.phase("hidden_communication"), plot.getRenderer().getSeriesPaint(hidden));
        assertNotEquals(ChartPalette.phase("communication"), plot.getRenderer().getSeriesPaint(hidden));
    }
}
