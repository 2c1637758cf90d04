package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.cli.Main;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.predict.ComputeProfile;
import org.scalelab.engine.predict.LayerFit;
import org.scalelab.engine.predict.LinearFit;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.StackBetweenHosts;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.training.Models;

/**
 * {@code engine/mpj/emulated-cluster} small: two namespaces behind a bridge, links shaped to 1 Gbit/s, mlp-235k's
 * allreduce and a few steps across them. Asserts the machinery, never the timings (a shared machine's are noise):
 * the link measured, predicted and measured numbers present and finite, and nothing of the cluster left behind,
 * also when it is interrupted (that run with the wire shaper, whose peak rate it checks, as it checks that each host's
 * ranks run on the CPUs the script gave it). The calibration is made up
 * (the model's numbers are not under test here; a real one takes minutes). Needs root and network namespaces;
 * skipped, saying so, elsewhere.
 */
class EmulatedClusterTest {
    private static final Path SCRIPT = Path.of("emulated-cluster").toAbsolutePath();
    private static final Pattern MADE = Pattern.compile("emulated-cluster: namespaces (.*)veths (.*)bridge (\\S+)");
    private static final Pattern PLACED = Pattern.compile("emulated-cluster: CPUs (.*)");

    @TempDir
    Path folder;

    @BeforeEach
    void namespacesAreAllowed() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create network namespaces");
        String probe = "slprobe" + ProcessHandle.current().pid() % 100_000;
        assumeTrue(run("ip", "netns", "add", probe), "ip netns is not available or not allowed here");
        run("ip", "netns", "del", probe);
        assumeTrue(run("tc", "qdisc", "show"), "tc (iproute2) is not available");
    }

    @Test
    void twoHostsGiveTheMeasuredLinkAndPredictedBesideMeasuredAllreduceAndStepThenVanish() throws Exception {
        Process script = emulatedCluster();
        assertTrue(script.waitFor(5, TimeUnit.MINUTES), "the emulated cluster did not finish within 5 minutes");
        String errors = Files.readString(errorsFile());
        assertEquals(0, script.exitValue(), errors);

        List<String> json = Files.readAllLines(folder.resolve("out.txt")).stream().filter(line -> line.startsWith("{")).toList();
        assertEquals(1, json.size(), "one report per model: " + json);
        JsonNode hosts = Json.mapper().readTree(json.get(0)).path("hosts");
        JsonNode link = hosts.path("links").path(0);
        assertPositive(link, "latencyMicros");
        assertPositive(link, "bandwidthGbps");
        JsonNode allreduce = hosts.path("allreduce").path(0);
        assertEquals(235_146, allreduce.path("floats").asInt(), allreduce.toString());
        assertEquals(2, allreduce.path("hosts").asInt(), allreduce.toString());
        assertPositive(allreduce, "predictedSeconds");
        assertPositive(allreduce, "wireSeconds");
        assertPositive(allreduce, "measuredSeconds");
        assertTrue(Double.isFinite(allreduce.path("error").asDouble(Double.NaN)), allreduce.toString());
        // niodev's ring over the two hosts at every size of the sweep, for MPJ's work across the link
        JsonNode sweep = hosts.path("ringOverTheHosts");
        assertEquals(StackBetweenHosts.sweepFloats(2), StreamSupport.stream(sweep.spliterator(), false)
                .map(timing -> timing.path("floats").asInt()).toList(), sweep.toString());
        for (JsonNode timing : sweep) {
            assertEquals(2, timing.path("ranks").asInt(), timing.toString());
            assertPositive(timing, "medianMillis");
        }
        JsonNode step = hosts.path("steps").path(0);
        assertEquals(2, step.path("procs").asInt(), step.toString());
        assertPositive(step, "predictedSeconds");
        assertPositive(step, "measuredSeconds");
        assertNothingLeft(errors);
    }

    @Test
    void interruptedLikeCtrlCItRemovesEverythingAndLeavesNoRank() throws Exception {
        Signals.assumeCtrlCCanArrive();
        Process script = emulatedCluster("--shaper", "wire");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // Once the link is being measured: ranks run in the namespaces.
        while (!Files.readString(errorsFile()).contains("measuring the links") && System.nanoTime() < deadline) {
            assertTrue(script.isAlive(), "it ended before measuring: " + Files.readString(errorsFile()));
            Thread.sleep(100);
        }
        // Each host's ranks run on its CPUs, and the wire's buckets empty no faster than a peak rate (asserted once the
        // cluster is gone)
        List<String> misplaced = misplacedProcesses(Files.readString(errorsFile()));
        List<String> withoutPeakRate = new ArrayList<>();
        for (String link : made(Files.readString(errorsFile())).group(2).trim().split(" ")) {
            if (!output("tc", "qdisc", "show", "dev", link).contains("peakrate")) {
                withoutPeakRate.add(link);
            }
        }
        List<ProcessHandle> group = Stream.concat(Stream.of(script.toHandle()), script.toHandle().descendants()).toList();
        Signals.send("INT", group); // as a terminal's Ctrl-C reaches its whole foreground process group
        assertTrue(script.waitFor(1, TimeUnit.MINUTES), "it did not end after Ctrl-C");
        String errors = Files.readString(errorsFile());
        assertTrue(script.exitValue() != 0, "an interrupted run does not succeed: " + errors);
        for (ProcessHandle process : group) {
            assertTrue(process.onExit().get(10, TimeUnit.SECONDS) != null && !process.isAlive(),
                    process.pid() + " " + process.info().commandLine().orElse("") + " outlived the cluster");
        }
        assertNothingLeft(errors);
        assertEquals(List.of(), withoutPeakRate, "links shaped without a peak rate");
        assertEquals(List.of(), misplaced, "processes on other CPUs than their host's");
    }

    /**
     * The processes in each emulated host's namespace whose CPUs are not the ones the script gave that host (its line
     * "CPUs NAMESPACE:LIST ..."), each as "PID in NAMESPACE on LIST"; it also fails when a host runs nothing.
     */
    private static List<String> misplacedProcesses(String errors) throws Exception {
        Matcher placed = PLACED.matcher(errors);
        assertTrue(placed.find(), "it names each host's CPUs: " + errors);
        List<String> misplaced = new ArrayList<>();
        for (String host : placed.group(1).trim().split(" ")) {
            String namespace = host.substring(0, host.indexOf(':'));
            String cpus = host.substring(host.indexOf(':') + 1);
            List<String> pids = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pids.isEmpty() && System.nanoTime() < deadline) { // its rank may be starting
                pids = output("ip", "netns", "pids", namespace).lines().filter(line -> !line.isBlank()).toList();
                Thread.sleep(pids.isEmpty() ? 100 : 0);
            }
            assertFalse(pids.isEmpty(), "no rank runs on " + namespace);
            for (String pid : pids) {
                List<String> status;
                try {
                    status = Files.readAllLines(Path.of("/proc", pid, "status"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                String allowed = status.stream().filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow()
                        .substring("Cpus_allowed_list:".length()).trim();
                if (!expandCpus(allowed).equals(expandCpus(cpus))) {
                    misplaced.add(pid + " in " + namespace + " on " + allowed + ", not " + cpus);
                }
            }
        }
        return misplaced;
    }

    /** A CPU list as the kernel and taskset write it ("0-2,5") as the CPUs it names. */
    private static Set<Integer> expandCpus(String list) {
        Set<Integer> cpus = new TreeSet<>();
        for (String range : list.split(",")) {
            String[] ends = range.split("-");
            for (int cpu = Integer.parseInt(ends[0]); cpu <= Integer.parseInt(ends[ends.length - 1]); cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** The script, small, with {@code options} after the usual ones. */
    private Process emulatedCluster(String... options) throws IOException {
        Path calibration = folder.resolve("calibration.json");
        madeUpCalibration().save(calibration);
        // Stands in for ./scalelab: this test's classes, which hold the engine's and scalelab-mpj's.
        Path scalelab = folder.resolve("scalelab");
        Files.writeString(scalelab, "#!/bin/sh\nexec " + ChildJvm.javaBinary() + " -cp '" + System.getProperty("java.class.path")
                + "' -Dorg.slf4j.simpleLogger.defaultLogLevel=warn " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(scalelab, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--hosts", "2", "--models", "mlp-235k", "--steps", "5",
                "--repeats", "1", "--calibration", calibration.toString(), "--json"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(errorsFile().toFile());
        builder.environment().put("SCALELAB", scalelab.toString());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** A calibration of this machine with round numbers: 1 ms per step, 100 µs and 1 GB/s for every transport. */
    private static MachineCalibration madeUpCalibration() {
        ComputeProfile profile = new ComputeProfile("mlp-235k", Models.resolve("mlp-235k").parameterCount(),
                List.of(new LayerFit("dense", new LinearFit(0, 1e-3 / 64), 0)), new LinearFit(0, 0));
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            transports.put(transport, new LinkCost(100e-6, 1e-9, 0));
        }
        return new MachineCalibration(MachineDescription.current(), Instant.now().toString(), Map.of("mlp-235k", profile),
                transports, 1e-9);
    }

    private Path errorsFile() {
        return folder.resolve("errors.txt");
    }

    /** The namespaces, veths and bridge the script said it made are gone. */
    private static void assertNothingLeft(String errors) throws Exception {
        Matcher made = made(errors);
        assertTrue(errors.contains("emulated-cluster: removed namespaces"), errors);
        String namespaces = output("ip", "netns", "list");
        for (String namespace : made.group(1).trim().split(" ")) {
            assertFalse(namespaces.contains(namespace + " ") || namespaces.contains(namespace + "\n"),
                    namespace + " is left: " + namespaces);
        }
        List<String> links = new ArrayList<>(List.of(made.group(2).trim().split(" ")));
        links.add(made.group(3));
        for (String link : links) {
            assertFalse(run("ip", "link", "show", link), link + " is left");
        }
    }

    /** The script's line naming what it made: namespaces (group 1), veths (2) and bridge (3). */
    private static Matcher made(String errors) {
        Matcher made = MADE.matcher(errors);
        assertTrue(made.find(), "it names what it makes: " + errors);
        return made;
    }

    private static void assertPositive(JsonNode node, String field) {
        double value = node.path(field).asDouble(Double.NaN);
        assertTrue(Double.isFinite(value) && value > 0, field + " in " + node);
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(20, TimeUnit.SECONDS);
        return text;
    }
}
