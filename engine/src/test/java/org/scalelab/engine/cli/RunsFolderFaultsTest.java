package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.runs.RunListing;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/**
 * {@code scalelab train} with a runs folder that cannot take its record, on real file systems: a read-only mount,
 * a folder of another user, a full one, and one that fills while the run goes. Each is a tmpfs or a folder in a
 * user and mount namespace of the test's own ({@code unshare}), so no root is needed and nothing outside changes.
 */
class RunsFolderFaultsTest {
    private static final List<String> SHORT_RUN = List.of("--epochs", "1", "--steps-per-epoch", "3");

    @TempDir
    Path dir;

    @BeforeAll
    static void namespacesAreAllowed() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "this machine does not let a user make a mount namespace (unshare -rm): " + said);
    }

    @Test
    void aReadOnlyFileSystemIsFoundBeforeAnythingTrains() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mnt"));
        Result result = inNamespace("mount -t tmpfs -o ro none \"$0\"", mount, train(mount.resolve("runs"), SHORT_RUN));
        assertRefusedBeforeTraining(result, mount.resolve("runs"), "Read-only file system");
    }

    @Test
    void aFullFileSystemIsFoundBeforeAnythingTrains() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mnt"));
        Result result = inNamespace("mount -t tmpfs -o size=64k none \"$0\" && mkdir \"$0/runs\""
                + " && (dd if=/dev/zero of=\"$0/filler\" bs=4k 2>/dev/null; true)", mount,
                train(mount.resolve("runs"), SHORT_RUN));
        assertRefusedBeforeTraining(result, mount.resolve("runs"), "No space left on device");
    }

    /**
     * Root may write anywhere, so as root the folder is given to another user and the run made in a user namespace,
     * where root's powers do not reach that user's files; any other user is simply refused a folder without write
     * permission.
     */
    @Test
    void aFolderWithoutWritePermissionIsFoundBeforeAnythingTrains() throws Exception {
        Path runs = Files.createDirectory(dir.resolve("runs"));
        List<String> command = train(runs, SHORT_RUN);
        Result result;
        if ("root".equals(System.getProperty("user.name"))) {
            Process chown = new ProcessBuilder("chown", "65534:65534", runs.toString()).inheritIO().start();
            assertTrue(chown.waitFor(10, TimeUnit.SECONDS) && chown.exitValue() == 0);
            result = inNamespace("true", runs, command);
        } else {
            Files.setPosixFilePermissions(runs, PosixFilePermissions.fromString("r-xr-xr-x"));
            result = Result.of(new ProcessBuilder(command), dir);
        }
        assertRefusedBeforeTraining(result, runs, "Permission denied");
    }

    /**
     * The disk fills once the run has started: the run fails at its next save, with the reason; the record keeps
     * every event up to then and says that it failed; {@code --json} says so too.
     */
    @Test
    void aDiskThatFillsDuringTheRunEndsItFailedWithItsRecordKept() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("mnt"));
        Path kept = Files.createDirectory(dir.resolve("kept"));
        String fillOnceStarted = "mount -t tmpfs -o size=4m none \"$0\" || exit 97\n"
                + "\"$@\" & pid=$!\n"
                + "until ls \"$0\"/runs/*.events.jsonl >/dev/null 2>&1; do sleep 0.05; done\n"
                + "dd if=/dev/zero of=\"$0/filler\" bs=64k 2>/dev/null\n"
                + "wait $pid; rc=$?\n"
                + "rm \"$0/filler\"; cp \"$0\"/runs/*.json* " + kept + "/\n"
                + "exit $rc";
        Result result = inNamespace(fillOnceStarted, mount, train(mount.resolve("runs"), List.of("--epochs", "50", "--json")));

        assertEquals(CliErrors.FAILED, result.exitCode(), result.err());
        JsonNode json = Json.mapper().readTree(result.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("failed", json.get("status").asText(), result.out());
        RunListing listing = new RunStore(kept).list();
        assertEquals(List.of(), listing.problems(), "the record is whole");
        RunRecord record = listing.records().get(0);
        assertEquals(RunStatus.FAILED, record.status());
        RunFailed failed = (RunFailed) record.events().get(record.events().size() - 1);
        assertTrue(failed.message().contains("No space left on device"), failed.message());
        assertTrue(record.summary().epochs() < 50, "the run stopped when the disk filled: " + record.summary());
    }

    private static void assertRefusedBeforeTraining(Result result, Path runs, String reason) {
        assertEquals(CliErrors.USAGE, result.exitCode(), result.err());
        List<String> errors = result.err().strip().lines().filter(line -> !line.startsWith("WARNING")).toList();
        assertEquals(List.of("error: --runs-dir " + runs + ": cannot save run records there (" + reason + ")"), errors);
        assertEquals("", result.out(), "nothing trained");
    }

    private static List<String> train(Path runs, List<String> options) {
        List<String> args = new ArrayList<>(List.of("train", "--runs-dir", runs.toString()));
        args.addAll(options);
        return ChildJvm.command(Main.class, args);
    }

    /** Runs {@code command} after {@code setup} (a shell line, {@code $0} being {@code folder}) in namespaces of its own. */
    private Result inNamespace(String setup, Path folder, List<String> command) throws Exception {
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c", setup + "\nexec \"$@\"",
                folder.toString()));
        if (setup.contains("\"$@\" &")) {
            wrapped.set(4, setup);
        }
        wrapped.addAll(command);
        return Result.of(new ProcessBuilder(wrapped), dir);
    }

    /** How a command ended: its exit code and everything it printed. */
    private record Result(int exitCode, String out, String err) {
        static Result of(ProcessBuilder command, Path dir) throws IOException, InterruptedException {
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            command.environment().put("OMP_NUM_THREADS", "1");
            Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "still running after two minutes");
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
