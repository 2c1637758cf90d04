package org.scalelab.engine.studies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.faults.Damage;
import org.scalelab.engine.faults.ReaderVerdict;

/**
 * Generated broken study plans, thousands of them: the shipped plans with characters inserted, removed or changed,
 * and plans assembled from the plan's fields and every training option with any value (zero, negative, huge, of
 * the wrong kind, unknown names). Each ends in a {@link StudyPlanException} naming the file, or in a plan whose
 * grid of cells can be laid out: never another exception, a hang, or a plan accepted that fails once it runs.
 */
class DamagedStudyPlansProperties {
    static final int CASES = 1_500;
    private static final Path SHIPPED = Path.of("..", "experiments", "plans");

    private static Path file;
    private static final ReaderVerdict VERDICT = new ReaderVerdict(StudyPlanException.class);

    @BeforeContainer
    static void createFile() throws IOException {
        file = Files.createTempFile("plan", ".json");
    }

    @AfterContainer
    static void removeFileAndCheckTheCasesWereMostlyBroken() throws IOException {
        Files.deleteIfExists(file);
        assertTrue(VERDICT.refused() > CASES / 3, "only " + VERDICT.refused() + " refused");
        assertTrue(VERDICT.accepted() > 0, "no generated plan was valid: the generator tries too little");
    }

    @Provide
    Arbitrary<String> plans() {
        return Arbitraries.oneOf(Damage.ofText(Arbitraries.of(shippedPlans())), assembled());
    }

    private static List<String> shippedPlans() {
        try (Stream<Path> plans = Files.list(SHIPPED)) {
            return plans.sorted().map(plan -> {
                try {
                    return Files.readString(plan);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan's fields, each present or not, holding options of any name with any value. */
    private static Arbitrary<String> assembled() {
        Arbitrary<String> value = Arbitraries.of("0", "-1", "1", "2", "4", "64", "100000", "2147483647", "1e30",
                "0.01", "-0.5", "\"serial\"", "\"threads\"", "\"mpj\"", "\"hybrid\"", "\"param-avg\"", "\"mlp-235k\"",
                "\"mnist-mini\"", "\"no-such\"", "\"\"", "null", "true", "false", "[]", "{}", "[1, 2]");
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(TrainingOptions.ALL).map(TrainingOption::key),
                Arbitraries.of("label", "unknownOption", "Batch"));
        Arbitrary<String> options = Combinators.combine(key, value).as((k, v) -> "\"" + k + "\": " + v)
                .list().ofMaxSize(4).map(fields -> "{" + String.join(", ", fields) + "}");
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.of("\"schemaVersion\": 1", "\"schemaVersion\": 2", "\"schemaVersion\": \"1\"",
                        "\"name\": \"generated\"", "\"name\": \"\"", "\"repeats\": 2", "\"repeats\": 0",
                        "\"batchSizes\": [8, 16]", "\"batchSizes\": []", "\"batchSizes\": [0]", "\"description\": 5"),
                options.map(o -> "\"base\": " + o),
                options.map(o -> "\"quick\": " + o),
                options.list().ofMinSize(0).ofMaxSize(3).map(list -> "\"configurations\": [" + String.join(", ", list) + "]"),
                Combinators.combine(key, value.list().ofMaxSize(3)).as((k, values) ->
                        "\"axes\": {\"" + k + "\": [" + String.join(", ", values) + "]}"),
                options.map(o -> "\"fallback\": {\"whenMissing\": \"cifar10\", \"options\": " + o + ", \"note\": \"n\"}"));
        return field.list().ofMinSize(0).ofMaxSize(7).map(fields ->
                "{\"schemaVersion\": 1, \"name\": \"generated\", " + String.join(", ", fields) + "}");
    }

    /** A plan that reads must lay out its grid too: a fault found only when the study starts is found too late. */
    @Property(tries = CASES)
    void brokenPlansAreRefusedNamingTheFile(@ForAll("plans") String json) throws IOException {
        Files.writeString(file, json, StandardCharsets.UTF_8);
        VERDICT.check(List.of(file), () -> StudyGrid.cells(StudyPlans.read(file), false, dataset -> true, 2),
                cells -> !cells.isEmpty());
    }
}
