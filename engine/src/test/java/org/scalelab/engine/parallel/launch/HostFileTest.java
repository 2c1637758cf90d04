package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFileTest {
    @TempDir
    Path dir;

    @Test
    void readsHostsWithBareOrNamedSlotsAndSkipsComments() throws Exception {
        List<HostSlot> hosts = HostFile.read(write("# cluster\nlocalhost 2\n\n127.0.0.2 slots=3  # second\n127.0.0.3\n"));

        assertEquals(List.of("localhost", "127.0.0.2", "127.0.0.3"), hosts.stream().map(HostSlot::name).toList());
        assertEquals(List.of(2, 3, 1), hosts.stream().map(HostSlot::slots).toList());
        assertEquals(InetAddress.getByName("127.0.0.2"), hosts.get(1).address());
        assertTrue(hosts.stream().allMatch(HostSlot::local), "loopback addresses are this machine");
    }

    @Test
    void ranksFillSlotsInOrderThenGoRoundAgain() throws Exception {
        List<HostSlot> hosts = HostFile.read(write("127.0.0.1 2\n127.0.0.2 1\n"));
        List<String> placement = HostSlot.ofEachRank(hosts, 5).stream().map(HostSlot::name).toList();
        assertEquals(List.of("127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.1", "127.0.0.1"), placement);
    }

    @Test
    void withoutHostsEveryRankRunsOnLoopback() {
        assertTrue(HostSlot.ofEachRank(List.of(), 3).stream()
                .allMatch(host -> host.local() && host.address().isLoopbackAddress()));
    }

    @Test
    void mistakesNameTheFileAndLine() throws Exception {
        assertMessage("line 2: slots must be a positive whole number, got '0'", "localhost\nlocalhost 0\n");
        assertMessage("line 1: slots must be a positive whole number, got 'x'", "localhost slots=x\n");
        assertMessage("line 1: expected 'HOST [SLOTS]', got 'a b c'", "a b c\n");
        assertMessage("line 1: unknown host 'no-such-host.invalid'", "no-such-host.invalid 2\n");
        assertMessage("names no host", "# nothing\n");
        Path binary = Files.write(dir.resolve("hosts"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 10});
        assertEquals("--hosts " + binary + ": is not a text file (UTF-8)",
                assertThrows(HostFileException.class, () -> HostFile.read(binary)).messageFor("--hosts"));
        Path missing = dir.resolve("missing");
        assertEquals("--hosts " + missing + ": there is no such file",
                assertThrows(HostFileException.class, () -> HostFile.read(missing)).messageFor("--hosts"));
    }

    private void assertMessage(String expected, String content) throws Exception {
        Path file = write(content);
        HostFileException e = assertThrows(HostFileException.class, () -> HostFile.read(file));
        assertEquals("--hosts " + file + ": " + expected, e.messageFor("--hosts"));
    }

    private Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("hosts"), content);
    }
}
