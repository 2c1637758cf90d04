package org.scalelab.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkouts laid out as git lays them out, without running git. */
class GitCheckoutTest {
    private static final String COMMIT = "6404891617f7648087ec7f85559d6f1177a337e8";
    private static final String OTHER = "b502d58aa0c1d2e3f405162738495a6b7c8d9e0f";

    @TempDir
    Path checkout;

    @Test
    void followsHeadToABranchsLooseRef() throws IOException {
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".git/refs/heads/main", COMMIT + "\n");
        write(".git/packed-refs", OTHER + " refs/heads/main\n");
        assertEquals(Optional.of(COMMIT), GitCheckout.headCommit(checkout, 0));
    }

    @Test
    void findsTheBranchInPackedRefsAsAFreshCloneKeepsIt() throws IOException {
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".git/packed-refs", "# pack-refs with: peeled fully-peeled sorted\n" + OTHER + " refs/heads/feature\n"
                + COMMIT + " refs/heads/main\n^" + OTHER + "\n");
        assertEquals(Optional.of(COMMIT), GitCheckout.headCommit(checkout, 0));
    }

    @Test
    void readsADetachedHeadAsCiChecksOutAPullRequest() throws IOException {
        write(".git/HEAD", COMMIT + "\n");
        assertEquals(Optional.of(COMMIT), GitCheckout.headCommit(checkout, 0));
    }

    @Test
    void followsALinkedWorktreeToTheSharedBranches() throws IOException {
        write("main/.git/refs/heads/topic", COMMIT + "\n");
        write("main/.git/worktrees/topic/HEAD", "ref: refs/heads/topic\n");
        write("main/.git/worktrees/topic/commondir", "../..\n");
        write("topic/.git", "gitdir: ../main/.git/worktrees/topic\n");
        assertEquals(Optional.of(COMMIT), GitCheckout.headCommit(checkout.resolve("topic"), 0));
    }

    @Test
    void looksUpFromTheClassesFolderAsFarAsItIsTold() throws IOException {
        write(".git/HEAD", COMMIT + "\n");
        Path classes = Files.createDirectories(checkout.resolve("engine/target/classes"));
        assertEquals(Optional.of(COMMIT), GitCheckout.headCommit(classes, 3));
        assertEquals(Optional.empty(), GitCheckout.headCommit(classes, 2));
    }

    @Test
    void isEmptyOutsideACheckoutOrWhenHeadNamesNoCommit() throws IOException {
        assertEquals(Optional.empty(), GitCheckout.headCommit(checkout, 0));
        write(".git/HEAD", "ref: refs/heads/unborn\n");
        assertEquals(Optional.empty(), GitCheckout.headCommit(checkout, 0));
        write(".git/HEAD", "not a commit\n");
        assertEquals(Optional.empty(), GitCheckout.headCommit(checkout, 0));
    }

    private void write(String relative, String content) throws IOException {
        Path file = checkout.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
