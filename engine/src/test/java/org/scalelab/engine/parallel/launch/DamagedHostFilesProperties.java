package org.scalelab.engine.parallel.launch;

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

/**
 * Generated hosts files, a thousand and more: lines of hosts (good, unresolvable, malformed), slot counts (good,
 * zero, negative, too large, not numbers), comments and extra words, and the same as damaged bytes. Each ends in
 * a {@link HostFileException} naming the file, or in hosts that all resolve with positive slots.
 */
class DamagedHostFilesProperties {
    static final int CASES = 1_500;

    private static Path file;
    private static final ReaderVerdict VERDICT = new ReaderVerdict(HostFileException.class);

    @BeforeContainer
    static void createFile() throws IOException {
        file = Files.createTempFile("hosts", "");
    }

    @AfterContainer
    static void removeFileAndCheckTheCasesWereMostlyBroken() throws IOException {
        Files.deleteIfExists(file);
        assertTrue(VERDICT.refused() > CASES / 2, "only " + VERDICT.refused() + " refused");
    }

    @Provide
    Arbitrary<byte[]> hostFiles() {
        // Unresolvable names end in .invalid, which no resolver answers (RFC 6761): no waiting on DNS.
        Arbitrary<String> host = Arbitraries.of("localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1", "999.1.1.1",
                "no-such-host.invalid", "-", "slots=2", "höst.invalid", "a b");
        Arbitrary<String> slots = Arbitraries.of("", " 2", " slots=3", " 0", " -1", " slots=", " slots=x",
                " 2147483648", " 1.5", " two", " 2 3");
        Arbitrary<String> comment = Arbitraries.of("", " # node", "#", "   ");
        Arbitrary<String> line = Combinators.combine(host, slots, comment).as((h, s, c) -> h + s + c);
        Arbitrary<String> lines = line.list().ofMinSize(0).ofMaxSize(4).map(list -> String.join("\n", list) + "\n");
        Arbitrary<byte[]> text = lines.map(content -> content.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(text, Damage.of(text));
    }

    @Property(tries = CASES)
    void brokenHostFilesAreRefusedNamingTheFile(@ForAll("hostFiles") byte[] content) throws IOException {
        Files.write(file, content);
        VERDICT.check(List.of(file), () -> HostFile.read(file),
                hosts -> !hosts.isEmpty() && hosts.stream().allMatch(host -> host.slots() > 0 && host.address() != null));
    }
}
