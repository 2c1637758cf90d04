package org.scalelab.engine.parallel.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How one niodev rank is started: the same java binary as this JVM, the worker class path plus MPJ's jar,
 * {@code RankMain RANK CONF niodev} followed by the application arguments, the address the rank may listen on,
 * and the environment every rank needs ({@code MPJ_HOME}, {@link NativeThreadEnvironment}). A rank on another host
 * gets the same command line through the remote shell, which assumes the same paths there (a shared file system or an identical install).
 */
final class RankCommand {
    private final List<String> javaCommand;
    private final Map<String, String> environment;
    private final List<String> remoteShell;

    RankCommand(RankJobSpec spec, List<Path> classPath, Path mpjHome) {
        this.javaCommand = ChildJvm.launcher();
        javaCommand.addAll(spec.jvmOptions());
        javaCommand.add("-cp");
        javaCommand.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        javaCommand.add(RankProtocol.RANK_MAIN);
        this.environment = new TreeMap<>(NativeThreadEnvironment.forThreads(spec.nativeThreads()));
        environment.put("MPJ_HOME", mpjHome.toString());
        this.remoteShell = spec.remoteShell();
    }

    /** @param mpjAndApplicationArgs {@code RANK CONF niodev} and the {@link RankProtocol.RankArguments} */
    ProcessBuilder forRank(HostSlot host, List<String> mpjAndApplicationArgs) {
        List<String> command = new ArrayList<>(javaCommand);
        // Before the class name: a system property of the rank's JVM.
        command.add(command.size() - 1, "-D" + RankProtocol.LISTEN_ADDRESS_PROPERTY + "=" + host.address().getHostAddress());
        command.addAll(mpjAndApplicationArgs);
        if (host.local()) {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            return builder;
        }
        List<String> remote = new ArrayList<>(remoteShell);
        remote.add(host.name());
        remote.add(environment.entrySet().stream().map(e -> e.getKey() + "=" + shellWord(e.getValue()))
                .collect(Collectors.joining(" ", "env ", " "))
                + command.stream().map(RankCommand::shellWord).collect(Collectors.joining(" ")));
        return new ProcessBuilder(remote);
    }

    /** One word for a POSIX shell, whatever it contains (the CONF argument has ';' and '#'). */
    static String shellWord(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
