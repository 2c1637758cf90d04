package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command, each option of every command, given input it cannot use: the answer is always one line that
 * says what is wrong, never a stack trace, never a usage dump.
 */
class EveryCommandTest {
    /** Neither a number, nor a name, nor a path (a NUL byte), nor a known choice. */
    private static final String INVALID = "\u0000not-valid";
    /** Options whose value is free text, a label any characters may spell: nothing to refuse. */
    private static final Set<String> FREE_TEXT = Set.of("--name", "--tag");

    /** Every command and sub-command, as the words that call it. */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(ScaleLabCli.commandLine(), List.of(), all);
        return all.stream();
    }

    private static void collect(CommandLine command, List<String> words, List<List<String>> into) {
        if (!words.isEmpty()) {
            into.add(words);
        }
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(words);
            longer.add(name);
            collect(sub, longer, into);
        });
    }

    /** Every option that takes a value, with its command; its positional parameters are invalid too. */
    static Stream<Arguments> optionsTakingValues() {
        return commands().flatMap(words -> {
            CommandLine command = commandAt(words);
            List<String> positionals = command.getCommandSpec().positionalParameters().stream().map(p -> INVALID).toList();
            return command.getCommandSpec().options().stream()
                    .filter(option -> option.arity().max() > 0 && !option.usageHelp() && !option.versionHelp())
                    .map(OptionSpec::longestName)
                    .filter(option -> !FREE_TEXT.contains(option))
                    .map(option -> Arguments.of(String.join(" ", words), words, positionals, option));
        });
    }

    private static CommandLine commandAt(List<String> words) {
        CommandLine command = ScaleLabCli.commandLine();
        for (String word : words) {
            command = command.getSubcommands().get(word);
        }
        return command;
    }

    private static void assertOneClearLine(List<String> args, CommandRun run) {
        assertNotEquals(0, run.exitCode(), "scalelab " + String.join(" ", args) + " succeeded: " + run.out());
        String line = run.oneErrorLine();
        assertTrue(line.startsWith("error: "), line);
        assertFalse(line.contains("failed unexpectedly"), "an expected mistake, reported as a fault: " + line);
        assertEquals("", run.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anUnknownOptionIsOneLine(List<String> words) {
        List<String> args = new ArrayList<>(words);
        args.add("--no-such-option");
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode());
        assertOneClearLine(args, run);
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("optionsTakingValues")
    void anInvalidValueOfAnyOptionIsOneLine(String name, List<String> words, List<String> positionals, String option) {
        List<String> args = new ArrayList<>(words);
        args.addAll(positionals);
        args.add(option);
        args.add(INVALID);
        assertOneClearLine(args, CommandRun.of(args.toArray(String[]::new)));
    }

    @Test
    void anUnexpectedFaultIsOneLineNamingWhatFailedAndTheFileHoldingItsTrace() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine train = ScaleLabCli.commandLine().getSubcommands().get("train");
        train.setErr(new PrintWriter(err, true));

        int exit = CliErrors.failure(new IllegalStateException("boom\nsecond line"), train, null);

        assertEquals(CliErrors.FAILED, exit);
        Matcher line = Pattern.compile("error: scalelab train failed unexpectedly: IllegalStateException: boom "
                + "\\(a fault of ScaleLab's; the details are in (.+\\.log)\\)\n").matcher(err.toString());
        assertTrue(line.matches(), err.toString());
        Path log = Path.of(line.group(1));
        try {
            String trace = Files.readString(log);
            assertTrue(trace.contains("java.lang.IllegalStateException: boom") && trace.contains("\tat "), trace);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
