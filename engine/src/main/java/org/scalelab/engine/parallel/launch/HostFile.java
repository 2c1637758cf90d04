package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a hosts file ({@code --hosts FILE}): one host per line, optionally followed by its slot count, either
 * bare or as {@code slots=N} (mpirun's form); {@code #} starts a comment. Example:
 * <pre>
 * # two ranks here, two on node2
 * localhost 2
 * node2 slots=2
 * </pre>
 */
public final class HostFile {
    private HostFile() {
    }

    /**
     * Reads and checks the whole file, resolving every host.
     *
     * @throws HostFileException naming the file, and the line when one is at fault
     */
    public static List<HostSlot> read(Path file) {
        List<String> lines = lines(file);
        List<HostSlot> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).replaceFirst("#.*", "").trim();
            if (!content.isEmpty()) {
                hosts.add(parseLine(content, file, i + 1));
            }
        }
        if (hosts.isEmpty()) {
            throw new HostFileException(file, "names no host");
        }
        return hosts;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new HostFileException(file, "there is no such file");
        } catch (CharacterCodingException e) {
            throw new HostFileException(file, "is not a text file (UTF-8)");
        } catch (IOException e) {
            throw new HostFileException(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static HostSlot parseLine(String content, Path file, int line) {
        String[] words = content.split("\\s+");
        if (words.length > 2) {
            throw new HostFileException(file, "line " + line + ": expected 'HOST [SLOTS]', got '" + content + "'");
        }
        int slots = words.length == 1 ? 1 : parseSlots(words[1].replaceFirst("^slots=", ""), file, line);
        try {
            return HostSlot.resolve(words[0], slots);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new HostFileException(file, "line " + line + ": unknown host '" + words[0] + "'");
        }
    }

    private static int parseSlots(String text, Path file, int line) {
        try {
            int slots = Integer.parseInt(text);
            if (slots > 0) {
                return slots;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw new HostFileException(file, "line " + line + ": slots must be a positive whole number, got '" + text + "'");
    }
}
