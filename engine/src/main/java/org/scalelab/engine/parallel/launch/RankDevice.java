package org.scalelab.engine.parallel.launch;

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
}
