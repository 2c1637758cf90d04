package org.scalelab.app.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.SpeedupCurve;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.report.ChartBook;
import org.scalelab.engine.runs.report.RunCharting;
import org.scalelab.engine.runs.report.RunComparison;
import org.scalelab.engine.runs.speedup.Baselines;

/**
 * Several saved runs overlaid on every chart, with the scaling table the studies report. Each run is measured
 * against the baseline {@link Baselines} chooses for it until the user picks another in its row, which measures
 * its speedup again in the table and on the chart.
 */
public final class CompareViewModel {
    private final ChartBook charts = new ChartBook();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<MachineCalibration> calibration = new SimpleObjectProperty<>();

    public CompareViewModel() {
        calibration.addListener((property, before, now) -> charts.update(this::showPredictions));
    }

    /** This machine's calibration, if any: the speedup chart then shows each run's strategy as predicted. */
    public ObjectProperty<MachineCalibration> calibrationProperty() {
        return calibration;
    }

    public ChartBook charts() {
        return charts;
    }

    /** One row per compared run. */
    public ObservableList<CompareRow> rows() {
        return rows;
    }

    public static List<String> headers() {
        return CompareRow.HEADERS;
    }

    /** The runs compared now. */
    public List<RunRecord> records() {
        return rows.stream().map(CompareRow::record).toList();
    }

    public void compare(List<RunRecord> chosen, Baselines baselines) {
        charts.clear();
        List<CompareRow> compared = new ArrayList<>();
        for (RunRecord record : chosen) {
            CompareRow row = new CompareRow(ChartBook.code(compared.size()), record);
            row.baseline().offer(baselines.eligibleFor(record));
            compared.add(row);
        }
        List<RunCharting> chartings = RunComparison.chart(charts, chosen,
                record -> compared.get(chosen.indexOf(record)).baseline().chosen());
        for (int i = 0; i < compared.size(); i++) {
            CompareRow row = compared.get(i);
            RunCharting charting = chartings.get(i);
            row.baseline().chosenProperty().addListener((property, before, now) ->
                    charts.update(() -> charting.measureAgainst(row.baseline().chosen())));
        }
        rows.setAll(compared);
        charts.update(this::showPredictions);
    }

    /** Each compared run's strategy as predicted, in the run's colour and named by its letter. */
    private void showPredictions() {
        charts.clearPredictedSpeedup();
        if (calibration.get() == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            rows.get(i).record().events().stream().filter(RunStarted.class::isInstance).map(RunStarted.class::cast)
                    .findFirst().flatMap(started -> SpeedupCurve.forRun(calibration.get(), started))
                    .ifPresent(curve -> charts.predictedSpeedup(index, ChartBook.code(index) + ": " + curve.label(),
                            curve.workersAndSpeedup()));
        }
    }

    /** The scaling table as reports write it, each run against the baseline chosen in its row. */
    public ReportTable table() {
        return RunTables.comparison(records(), record -> rows.get(records().indexOf(record)).baseline().chosen());
    }
}
