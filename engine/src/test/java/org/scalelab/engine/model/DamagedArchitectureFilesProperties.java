package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalelab.engine.faults.Damage;
import org.scalelab.engine.faults.ReaderVerdict;
import org.scalelab.engine.model.spec.LayerTypes;

/**
 * Generated broken architecture files, thousands of them: the presets' files with characters inserted, removed
 * or changed, and files built from layer types and fields with any values (zero, negative, huge, of the wrong
 * kind). Each ends in an {@link ArchitectureException} naming the file, or in an architecture whose layers fit;
 * never another exception, a hang, or memory exhausted by a layer of absurd size.
 */
class DamagedArchitectureFilesProperties {
    static final int CASES = 2_000;

    private static Path file;
    private static final ReaderVerdict VERDICT = new ReaderVerdict(ArchitectureException.class);

    @BeforeContainer
    static void createFile() throws IOException {
        file = Files.createTempFile("architecture", ".json");
    }

    @AfterContainer
    static void removeFileAndCheckTheCasesWereMostlyBroken() throws IOException {
        Files.deleteIfExists(file);
        assertTrue(VERDICT.refused() > CASES / 2, "only " + VERDICT.refused() + " refused");
    }

    @Provide
    Arbitrary<String> architectureFiles() {
        Arbitrary<String> presets = Arbitraries.of(Presets.all()).map(ArchitectureFiles::toJson);
        return Arbitraries.oneOf(Damage.ofText(presets), assembled());
    }

    /** {"name", "input", "layers"} with layers of known (mostly) or unknown types, their fields any value. */
    private static Arbitrary<String> assembled() {
        Arbitrary<String> value = Arbitraries.of("0", "-1", "1", "2", "3", "5", "28", "1000", "65536", "2147483647",
                "1e9", "1.5", "\"same\"", "\"valid\"", "\"he\"", "\"xavier\"", "\"x\"", "null", "true", "[]", "{}");
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of(LayerTypes.names()), Arbitraries.of("conv3d", "", "DENSE"));
        Arbitrary<String> layer = type.flatMap(name -> {
            List<String> fields = LayerTypes.fieldsOf(name);
            if (fields.isEmpty()) {
                return Arbitraries.just("{\"type\": \"" + name + "\"}");
            }
            return value.list().ofSize(fields.size()).map(values -> {
                StringBuilder json = new StringBuilder("{\"type\": \"" + name + "\"");
                for (int i = 0; i < fields.size(); i++) {
                    json.append(", \"").append(fields.get(i)).append("\": ").append(values.get(i));
                }
                return json.append('}').toString();
            });
        });
        return Combinators.combine(value.list().ofSize(3), layer.list().ofMinSize(0).ofMaxSize(5)).as((input, layers) ->
                "{\"name\": \"generated\", \"input\": {\"channels\": " + input.get(0) + ", \"height\": " + input.get(1)
                        + ", \"width\": " + input.get(2) + "}, \"layers\": [" + String.join(", ", layers) + "]}");
    }

    @Property(tries = CASES)
    void brokenArchitectureFilesAreRefusedNamingTheFile(@ForAll("architectureFiles") String json) throws IOException {
        Files.writeString(file, json, StandardCharsets.UTF_8);
        VERDICT.check(List.of(file), () -> ArchitectureFiles.read(file), architecture -> architecture.outputCount() > 0);
    }
}
