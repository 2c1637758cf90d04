package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class WeightsFileTest {
    @TempDir
    Path folder;

    @Test
    void parametersRoundTripBitForBitAndNoTemporaryFileStays() throws IOException {
        float[] values = {1.5f, -0f, Float.MIN_VALUE, -3.25e7f, 0.1f};
        Path file = folder.resolve("sub/weights.bin");
        WeightsFile.write(file, Nd4j.createFromArray(values));
        assertArrayEquals(values, WeightsFile.read(file));
        assertEquals(8 + 4 * values.length, Files.size(file));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count());
        }
    }

    @Test
    void aTruncatedOrForeignFileIsNamedWithWhatIsWrong() throws IOException {
        Path file = folder.resolve("weights.bin");
        WeightsFile.write(file, Nd4j.createFromArray(new float[] {1, 2, 3}));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 2));
        IOException truncated = assertThrows(IOException.class, () -> WeightsFile.read(file));
        assertEquals(file + ": header says 3 parameters but 10 bytes follow (expected 12)", truncated.getMessage());
        Files.writeString(file, "{\"not\": \"weights\"}");
        IOException foreign = assertThrows(IOException.class, () -> WeightsFile.read(file));
        assertEquals(file + ": not a ScaleLab weights file (expected the magic SLW1)", foreign.getMessage());
    }
}
