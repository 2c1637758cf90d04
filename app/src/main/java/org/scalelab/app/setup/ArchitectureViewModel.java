package org.scalelab.app.setup;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Presets;

/** The architecture chooser: the presets, the chosen one's layer table and its parameter count. */
public final class ArchitectureViewModel {
    private final ObservableList<Architecture> choices = FXCollections.observableArrayList(Presets.all());
    private final ObjectProperty<Architecture> selected = new SimpleObjectProperty<>();
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper parameterCount = new ReadOnlyLongWrapper();

    public ArchitectureViewModel(String initialPreset) {
        selected.addListener((observable, before, now) -> describe(now));
        selected.set(Presets.find(initialPreset).orElse(choices.get(0)));
    }

    public ObservableList<Architecture> choices() {
        return choices;
    }

    public ObjectProperty<Architecture> selectedProperty() {
        return selected;
    }

    public ObservableList<LayerRow> layers() {
        return layers;
    }

    public ReadOnlyLongProperty parameterCountProperty() {
        return parameterCount.getReadOnlyProperty();
    }

    private void describe(Architecture architecture) {
        if (architecture == null) {
            layers.clear();
            parameterCount.set(0);
            return;
        }
        List<Layer> built = architecture.buildLayers(0);
        layers.setAll(java.util.stream.IntStream.range(0, built.size())
                .mapToObj(i -> new LayerRow(i + 1, built.get(i).kind(), built.get(i).outputShape().toString(),
                        built.get(i).parameterCount()))
                .toList());
        parameterCount.set(built.stream().mapToLong(Layer::parameterCount).sum());
    }
}
