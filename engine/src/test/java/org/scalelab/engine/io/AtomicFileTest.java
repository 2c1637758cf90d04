package org.scalelab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNothingElse() throws IOException {
        Path target = dir.resolve("sub/record.json");
        AtomicFile.replace(target, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFile.replace(target, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("record.json"), names(target.getParent()));
    }

    @Test
    void aWriterThatFailsPartWayLeavesTheOldFileAndNoPartialOne() throws IOException {
        Path target = dir.resolve("record.json");
        AtomicFile.replace(target, "old".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.replaceStreaming(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("record.json"), names(dir));
    }

    @Test
    void aStreamingWriterMayCloseItsStream() throws IOException {
        Path target = dir.resolve("trace.json");
        AtomicFile.replaceStreaming(target, out -> {
            out.write('{');
            out.write('}');
            out.close();
        });
        assertEquals("{}", Files.readString(target));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
