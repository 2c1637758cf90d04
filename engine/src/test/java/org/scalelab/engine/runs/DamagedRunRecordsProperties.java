package org.scalelab.engine.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalelab.engine.faults.Damage;
import org.scalelab.engine.faults.ReaderVerdict;

/**
 * Generated damaged run records, a thousand and more: a saved record with characters edited, or its bytes cut
 * short, overwritten or replaced by noise. Loading each ends in a {@link RunStoreException} naming the file, or in
 * a whole record; never another exception or a hang.
 */
class DamagedRunRecordsProperties {
    static final int CASES = 1_500;
    private static final String RUN_ID = "20250601-153012-tiny-mlp-quadrants-3fa2";

    private static Path folder;
    private static String saved;
    private static final ReaderVerdict VERDICT = new ReaderVerdict(RunStoreException.class);

    @BeforeContainer
    static void saveARecord() throws IOException {
        folder = Files.createTempDirectory("damaged-records");
        saved = Files.readString(new RunStore(folder).save(RunRecords.finished(RUN_ID)));
    }

    @AfterContainer
    static void removeFolderAndCheckTheCasesWereMostlyBroken() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        // Most edits of a long record land inside a value and leave a valid record: a tenth refused is plenty.
        assertTrue(VERDICT.refused() > CASES / 10, "only " + VERDICT.refused() + " refused");
    }

    @Provide
    Arbitrary<byte[]> records() {
        Arbitrary<String> record = Arbitraries.just(saved);
        Arbitrary<byte[]> editedText = Damage.ofText(record).map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(editedText, Damage.of(record.map(text -> text.getBytes(StandardCharsets.UTF_8))));
    }

    @Property(tries = CASES)
    void damagedRecordsAreRefusedNamingTheFile(@ForAll("records") byte[] content) throws IOException {
        RunStore store = new RunStore(folder);
        Path file = Files.write(store.pathOf(RUN_ID), content);
        VERDICT.check(List.of(file.getFileName()), () -> store.load(RUN_ID),
                record -> record.runId() != null && record.status() != null && record.config() != null
                        && record.summary() != null);
    }
}
