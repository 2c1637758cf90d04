package org.scalelab.engine.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commit a git checkout's HEAD names, read from the files under {@code .git} so that no git program is
 * needed: a branch's loose ref or its line in {@code packed-refs} (where a fresh clone keeps them), a detached
 * HEAD, and a linked worktree, whose {@code .git} is a file naming its git folder.
 */
final class GitCheckout {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final String REF = "ref: ";
    private static final String GIT_DIR = "gitdir: ";

    private GitCheckout() {
    }

    /**
     * @param folder    where to start looking for {@code .git}
     * @param levelsUp  how many folders above it to look as well
     * @return the commit, or empty when there is no checkout there or it cannot be read
     */
    static Optional<String> headCommit(Path folder, int levelsUp) {
        Path dir = folder.toAbsolutePath().normalize();
        for (int level = 0; level <= levelsUp && dir != null; level++, dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.exists(dotGit)) {
                try {
                    return resolveHead(Files.isDirectory(dotGit) ? dotGit : linkedGitDir(dotGit));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Path linkedGitDir(Path dotGitFile) throws IOException {
        String line = Files.readString(dotGitFile).trim();
        if (!line.startsWith(GIT_DIR)) {
            throw new IOException(dotGitFile + " does not name a git folder");
        }
        return dotGitFile.getParent().resolve(line.substring(GIT_DIR.length()).trim());
    }

    private static Optional<String> resolveHead(Path gitDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD")).trim();
        if (!head.startsWith(REF)) {
            return commit(head);
        }
        String ref = head.substring(REF.length()).trim();
        // A worktree keeps HEAD in its own folder and shares the branches with the main one.
        Path commonDir = Files.exists(gitDir.resolve("commondir"))
                ? gitDir.resolve(Files.readString(gitDir.resolve("commondir")).trim()) : gitDir;
        for (Path dir : new Path[] {gitDir, commonDir}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return commit(Files.readString(loose).trim());
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (!Files.isRegularFile(packed)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(packed)) {
            return lines.filter(line -> line.endsWith(" " + ref)).findFirst()
                    .flatMap(line -> commit(line.substring(0, line.indexOf(' '))));
        }
    }

    private static Optional<String> commit(String text) {
        return COMMIT.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
