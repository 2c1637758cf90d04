package org.scalelab.engine.provenance;

import java.time.Instant;

/**
 * The process that writes a record while its work goes on (a run, a study). A record still saying "running"
 * whose owner is gone was interrupted — killed, or the machine lost power — and listings say so rather than
 * showing it running for ever.
 *
 * @param pid     its process id
 * @param host    the machine it runs on: a process of another machine cannot be checked from here
 * @param started when the process started, ISO-8601, so that a later process given the same id is not taken for
 *                it; null in records written before it was kept
 */
public record OwnerProcess(long pid, String host, String started) {
    /** Read once: a listing checks every record's owner against it. */
    private static final String THIS_HOST = EnvironmentInfo.readHostName();

    public static OwnerProcess current() {
        ProcessHandle self = ProcessHandle.current();
        return new OwnerProcess(self.pid(), THIS_HOST, startOf(self));
    }

    /**
     * Whether the process is known to have ended: it ran on this machine and no process has its id, or the one
     * that has it started at another time. A process of another machine is never known to be gone.
     */
    public boolean isGone() {
        if (!THIS_HOST.equals(host)) {
            return false;
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(process -> started != null && !started.equals(startOf(process)))
                .orElse(true);
    }

    /** @return the start instant to the second, or null where the system does not say */
    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(instant -> instant.getEpochSecond()).map(Instant::ofEpochSecond)
                .map(Instant::toString).orElse(null);
    }
}
