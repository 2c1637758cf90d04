package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
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

    public static List<HostSlot> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<HostSlot> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).replaceFirst("#.*", "").trim();
            if (!content.isEmpty()) {
                hosts.add(parseLine(content, file + ":" + (i + 1)));
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException(file + " names no host");
        }
        return hosts;
    }

    private static HostSlot parseLine(String content, String where) {
        String[] words = content.split("\\s+");
        if (words.length > 2) {
            throw new IllegalArgumentException(where + ": expected 'HOST [SLOTS]', got '" + content + "'");
        }
        int slots = words.length == 1 ? 1 : parseSlots(words[1].replaceFirst("^slots=", ""), where);
        try {
            return HostSlot.resolve(words[0], slots);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(where + ": unknown host '" + words[0] + "'");
        }
    }

    private static int parseSlots(String text, String where) {
        try {
            int slots = Integer.parseInt(text);
            if (slots > 0) {
                return slots;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw new IllegalArgumentException(where + ": slots must be a positive whole number, got '" + text + "'");
    }
}
