package org.scalelab.engine.parallel.launch;

import java.util.List;
import java.util.Optional;

/** Where a job's ranks live and how they talk. */
public enum RankDevice {
    /** Threads of this JVM, summing in shared memory; no MPJ needed. */
    THREADS {
        @Override
        public RankJob start(RankJobSpec spec, RankOutputListener listener) {
            return ThreadsJob.start(spec, listener);
        }
    },
    /** Threads of this JVM talking through MPJ Express's shared-memory device. */
    SMPDEV {
        @Override
        public RankJob start(RankJobSpec spec, RankOutputListener listener) {
            return MulticoreJob.start(spec, listener);
        }
    },
    /** Child JVMs talking through MPJ Express's TCP device. */
    NIODEV {
        @Override
        public RankJob start(RankJobSpec spec, RankOutputListener listener) {
            return NiodevJob.start(spec, listener);
        }
    };

    /** @throws MpjUnavailableException for MPJ devices when MPJ Express or scalelab-mpj is missing */
    public abstract RankJob start(RankJobSpec spec, RankOutputListener listener);

    /** Empty when this device can start ranks here; otherwise what is missing and how to get it (several lines). */
    public Optional<String> unavailableReason() {
        if (this == THREADS) {
            return Optional.empty();
        }
        try {
            WorkerClassPath.of(List.of(), MpjInstallation.detect().require().niodevJars());
            return Optional.empty();
        } catch (RankJobException e) {
            return Optional.of(e.getMessage());
        }
    }
}
