package org.scalelab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.time.Instant;
import java.util.List;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.scalelab.app.baseline.BaselineChoice;
import org.scalelab.engine.runs.report.ChartKind;
import org.scalelab.app.live.SyntheticRun;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Baselines;

class CompareViewModelTest {
    private static final TrainingConfig SERIAL = TrainingConfig.defaults().with(BATCH, 64);
    private static final Instant NOON = Instant.parse("2025-06-01T12:00:00Z");

    // 64 images a step: 6,400 img/s in 10 ms steps, 3,200 in 20 ms, 4,000 in 16 ms.
    private final RunRecord morning = SyntheticRun.record("serial, morning", SERIAL, NOON.minusSeconds(3 * 3600), 0.02);
    private final RunRecord beside = SyntheticRun.record("serial, beside", SERIAL, NOON.minusSeconds(300), 0.016);
    private final RunRecord threads = SyntheticRun.record("threads", SERIAL.with(STRATEGY, Strategy.THREADS).with(THREADS, 2),
            NOON, 0.01);

    @Test
    void eachRowIsMeasuredAgainstTheBaselineClosestInTimeAndNamesIt() {
        CompareViewModel model = new CompareViewModel();
        model.compare(List.of(morning, threads), new Baselines(List.of(threads, beside, morning)));

        CompareRow serialRow = model.rows().get(0);
        assertEquals(List.of("–", "–", "–"), List.of(serialRow.cells().get(2), serialRow.cells().get(3),
                serialRow.cells().get(5)), "a serial run has no speedup, not even against another serial run");
        CompareRow threadsRow = model.rows().get(1);
        Baseline closest = threadsRow.baseline().chosen().orElseThrow();
        assertEquals("serial, beside", closest.name());
        assertEquals(List.of("1.60", "80.0 %"), threadsRow.cells().subList(2, 4), "6,400 img/s on 2 cores over 4,000");
        assertEquals(BaselineChoice.describe(closest), threadsRow.cells().get(5));
        assertEquals(1.6, speedupCharted(model), 1e-9);
    }

    @Test
    void choosingAnotherBaselineMeasuresTheSpeedupAgainInTheTableTheChartAndTheExport() {
        CompareViewModel model = new CompareViewModel();
        model.compare(List.of(threads), new Baselines(List.of(threads, beside, morning)));
        CompareRow row = model.rows().get(0);
        Baseline other = row.baseline().eligible().stream().filter(b -> b.name().equals("serial, morning")).findFirst()
                .orElseThrow();

        row.baseline().chosenProperty().set(other);

        assertEquals("2.00", row.cells().get(2));
        assertEquals("100.0 %", row.cells().get(3));
        assertEquals(2.0, speedupCharted(model), 1e-9);
        assertEquals(List.of("threads 1P×2T", "2.00×", "100.0 %", BaselineChoice.describe(other)),
                List.of(model.table().shownRows().get(0).get(1), model.table().shownRows().get(0).get(4),
                        model.table().shownRows().get(0).get(5), model.table().shownRows().get(0).get(7)),
                "the report's table measures it against the baseline chosen");
    }

    /** The one run's speedup point: series 0 is the ideal line. */
    private static double speedupCharted(CompareViewModel model) {
        XYDataset speedup = model.charts().chart(ChartKind.SPEEDUP).getXYPlot().getDataset();
        return speedup.getYValue(speedup.getSeriesCount() - 1, 0);
    }
}
