package org.scalelab.engine.config;

import java.nio.file.Path;

/**
 * The network a run trains and the randomness it starts from.
 *
 * @param name a preset name ({@code mlp-235k}) or the path of an architecture file
 * @param seed fixes initial weights, epoch order and augmentation: same seed, same run
 */
public record ModelSettings(String name, long seed) {

    /**
     * The name to show where space is short (a window's title, a table's column): a preset's name, or an architecture
     * file's name without its folder and {@code .json}. {@link #name} stays the model's identity.
     */
    public String label() {
        Path file = Path.of(name).getFileName();
        String shown = file == null ? name : file.toString();
        return shown.endsWith(".json") ? shown.substring(0, shown.length() - ".json".length()) : shown;
    }
}
