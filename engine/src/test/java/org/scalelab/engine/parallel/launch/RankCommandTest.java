package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.AllreduceAlgorithm;

class RankCommandTest {

    @Test
    void shellWordsSurviveAShellUnchanged() throws Exception {
        String conf = "#Number of Processes;2;#Server Name;127.0.0.1 it's $HOME `x`";
        Process echo = new ProcessBuilder("sh", "-c", "printf %s " + RankCommand.shellWord(conf)).start();
        assertEquals(conf, new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void rankArgumentsRoundTrip() {
        RankProtocol.RankArguments arguments = RankProtocol.RankArguments.of(
                RankJobSpec.builder("org.example.Task", 2).taskArgs("a", "b").build(), Optional.empty());
        assertEquals(List.of("ring", "-", "org.example.Task", "a", "b"), arguments.toList());
        assertEquals(arguments, RankProtocol.RankArguments.parse(arguments.toList().toArray(String[]::new)));

        RankProtocol.RankArguments shm = new RankProtocol.RankArguments(AllreduceAlgorithm.RING_SHM,
                Optional.of(Path.of("/dev/shm/scalelab-ring-1-2")), "org.example.Task", List.of());
        assertEquals(List.of("ring-shm", "/dev/shm/scalelab-ring-1-2", "org.example.Task"), shm.toList());
        assertEquals(shm, RankProtocol.RankArguments.parse(shm.toList().toArray(String[]::new)));
    }
}
