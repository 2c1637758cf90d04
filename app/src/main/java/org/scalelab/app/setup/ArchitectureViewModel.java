package org.scalelab.app.setup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.ArchitectureException;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Presets;
import org.scalelab.engine.training.Models;

/**
 * The architecture chooser: the presets and any architecture files the user loaded, the chosen one's layer
 * table and its parameter count.
 */
public final class ArchitectureViewModel {
    private final ObservableList<Architecture> choices = FXCollections.observableArrayList(Presets.all());
    private final ObjectProperty<Architecture> selected = new SimpleObjectProperty<>();
    private final ObservableList<LayerRow> layers = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper parameterCount = new ReadOnlyLongWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    /** Loaded files by architecture: a run names a file architecture by its path, a preset by its name. */
    private final Map<Architecture, Path> files = new HashMap<>();

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

    /** What a run's configuration calls the chosen architecture: its preset name or its file's path. */
    public String modelReference() {
        Architecture architecture = selected.get();
        Path file = files.get(architecture);
        return file != null ? file.toString() : architecture == null ? null : architecture.name();
    }

    /**
     * Reads a user's architecture file and chooses it; a faulty or missing file leaves the choice as it was. A file
     * loaded again is read again (it may have changed) and keeps its one place in the choices.
     */
    public void loadFile(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Architecture architecture = Models.resolve(absolute.toString());
            architecture.buildLayers(0);
            Optional<Architecture> earlier = files.entrySet().stream().filter(loaded -> loaded.getValue().equals(absolute))
                    .map(Map.Entry::getKey).findFirst();
            earlier.ifPresentOrElse(old -> {
                files.remove(old);
                choices.set(choices.indexOf(old), architecture);
            }, () -> choices.add(architecture));
            files.put(architecture, absolute);
            selected.set(architecture);
            error.set("");
        } catch (ArchitectureException | ConfigException e) {
            error.set(e.getMessage());
        }
    }

    /** Chooses what a run's configuration names: a preset by its name, else the architecture file at that path. */
    public void choose(String modelReference) {
        Presets.find(modelReference).ifPresentOrElse(preset -> {
            selected.set(preset);
            error.set("");
        }, () -> loadFile(Path.of(modelReference)));
    }

    /** Why the last file could not be loaded; empty when it could. */
    public StringProperty errorProperty() {
        return error;
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
        layers.setAll(IntStream.range(0, built.size())
                .mapToObj(i -> new LayerRow(i + 1, built.get(i).kind(), built.get(i).outputShape().toString(),
                        built.get(i).parameterCount()))
                .toList());
        parameterCount.set(built.stream().mapToLong(Layer::parameterCount).sum());
    }
}
