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
 * Generated damaged run records, a thousand and more: a saved record's summary file and event log, either or
 * both edited character by character, cut short, overwritten or replaced by noise, or the log missing. Loading
 * each ends in a {@link RunStoreException} naming a file of the run, or in a whole record (the log stands in for
 * a damaged summary); never another exception or a hang.
 */
class DamagedRunRecordsProperties {
    static final int CASES = 1_500;
    private static final String RUN_ID = "20250601-153012-tiny-mlp-quadrants-3fa2";

    private static Path folder;
    private static byte[] summary;
    private static byte[] log;
    private static final ReaderVerdict VERDICT = new ReaderVerdict(RunStoreException.class);

    /** Which of the record's two files are damaged, and whether the log is there at all. */
    enum Case {
        SUMMARY_DAMAGED, SUMMARY_DAMAGED_NO_LOG, LOG_DAMAGED, BOTH_DAMAGED
    }

    @BeforeContainer
    static void saveARecord() throws IOException {
        folder = Files.createTempDirectory("damaged-records");
        RunStore store = new RunStore(folder);
        store.save(RunRecords.finished(RUN_ID));
        summary = Files.readAllBytes(store.pathOf(RUN_ID));
        log = Files.readAllBytes(store.eventLogOf(RUN_ID));
    }

    @AfterContainer
    static void removeFolderAndCheckTheCasesWereOftenBroken() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        // Many edits land inside a value and leave a valid record, and a good log repairs a damaged summary.
        assertTrue(VERDICT.refused() > CASES / 10, "only " + VERDICT.refused() + " refused");
    }

    private static Arbitrary<byte[]> damaged(byte[] valid) {
        Arbitrary<String> text = Arbitraries.just(new String(valid, StandardCharsets.UTF_8));
        return Arbitraries.oneOf(Damage.ofText(text).map(edited -> edited.getBytes(StandardCharsets.UTF_8)),
                Damage.of(Arbitraries.just(valid)));
    }

    @Provide
    Arbitrary<byte[]> summaries() {
        return damaged(summary);
    }

    @Provide
    Arbitrary<byte[]> logs() {
        return damaged(log);
    }

    @Property(tries = CASES)
    void damagedRecordsAreRefusedNamingTheFile(@ForAll Case damage, @ForAll("summaries") byte[] damagedSummary,
                                               @ForAll("logs") byte[] damagedLog) throws IOException {
        RunStore store = new RunStore(folder);
        boolean summaryDamaged = damage != Case.LOG_DAMAGED;
        Files.write(store.pathOf(RUN_ID), summaryDamaged ? damagedSummary : summary);
        Files.deleteIfExists(store.eventLogOf(RUN_ID));
        if (damage != Case.SUMMARY_DAMAGED_NO_LOG) {
            boolean logDamaged = damage == Case.LOG_DAMAGED || damage == Case.BOTH_DAMAGED;
            Files.write(store.eventLogOf(RUN_ID), logDamaged ? damagedLog : log);
        }
        VERDICT.check(List.of(store.pathOf(RUN_ID).getFileName(), store.eventLogOf(RUN_ID).getFileName()),
                () -> store.load(RUN_ID), record -> record.runId() != null && record.status() != null
                        && record.config() != null && record.summary() != null);
    }
}
