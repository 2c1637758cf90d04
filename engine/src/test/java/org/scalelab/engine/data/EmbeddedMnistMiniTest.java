package org.scalelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class EmbeddedMnistMiniTest {

    private final EmbeddedMnistMini source = new EmbeddedMnistMini();

    private static JsonNode provenance() throws Exception {
        try (InputStream in = EmbeddedMnistMini.class.getResourceAsStream(
                EmbeddedMnistMini.RESOURCE_FOLDER + "provenance.json")) {
            assertNotNull(in, "provenance.json is on the class path");
            return new ObjectMapper().readTree(in);
        }
    }

    private static int[] ints(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
    }

    @Test
    void holds8000TrainingAnd2000TestDigitsWithEveryClassInBoth() {
        Dataset mini = source.load();

        assertEquals(8_000, mini.train().size());
        assertEquals(2_000, mini.test().size());
        assertEquals(new ImageShape(1, 28, 28), mini.info().shape());
        assertEquals(10, mini.info().classCount());
        assertFalse(mini.info().synthetic());
        for (int count : mini.train().classCounts()) {
            assertTrue(count > 600, "every class is well represented in training");
        }
        for (int count : mini.test().classCounts()) {
            assertTrue(count > 150, "every class is well represented in test");
        }
    }

    @Test
    void theSplitIsTheOneProvenanceRecords() throws Exception {
        JsonNode split = provenance().get("split");
        Dataset mini = source.load();

        assertArrayEquals(ints(split.get("trainPerClass")), mini.train().classCounts());
        assertArrayEquals(ints(split.get("testPerClass")), mini.test().classCounts());
    }

    @Test
    void shippedFilesMatchTheirRecordedSha256() throws Exception {
        JsonNode files = provenance().get("files");
        long recordedBytes = 0;
        for (String name : IdxReader.FILE_NAMES) {
            JsonNode recorded = files.get(name + ".gz");
            assertNotNull(recorded, name + ".gz is in provenance.json");
            byte[] bytes;
            try (InputStream in = EmbeddedMnistMini.class.getResourceAsStream(
                    EmbeddedMnistMini.RESOURCE_FOLDER + name + ".gz")) {
                bytes = in.readAllBytes();
            }
            assertEquals(recorded.get("sha256").asText(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), name);
            recordedBytes += recorded.get("bytes").asLong();
        }
        assertEquals(recordedBytes, source.bytesOnDisk());
    }

    @Test
    void isAlwaysAvailable() {
        assertEquals(DatasetStatus.EMBEDDED, source.status());
    }
}
