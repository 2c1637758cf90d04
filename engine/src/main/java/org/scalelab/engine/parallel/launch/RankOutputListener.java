package org.scalelab.engine.parallel.launch;

/**
 * Receives the lines ranks print through their task's output. Called from the job's reader threads, one
 * thread per rank, so lines of one rank arrive in order and lines of different ranks may interleave.
 */
@FunctionalInterface
public interface RankOutputListener {
    void line(int rank, String line);
}
