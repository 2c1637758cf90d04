package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BatchedLinesTest {

    @Test
    void linesWaitInTheBufferUntilFlushed() {
        StringWriter pipe = new StringWriter();
        BatchedLines lines = new BatchedLines(new BufferedWriter(pipe, 1 << 16));
        lines.accept("{\"step\":1}");
        lines.accept("{\"step\":2}");
        assertEquals("", pipe.toString(), "nothing reaches the pipe line by line");
        lines.flush();
        assertEquals("{\"step\":1}\n{\"step\":2}\n", pipe.toString());
    }

    @Test
    void theFlusherDeliversLinesWithinItsInterval() throws InterruptedException {
        StringWriter pipe = new StringWriter();
        BatchedLines lines = BatchedLines.flushedPeriodically(new BufferedWriter(pipe, 1 << 16));
        lines.accept("epoch done");
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (pipe.toString().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("epoch done\n", pipe.toString());
    }
}
