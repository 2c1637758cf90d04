package org.scalelab.engine.strategies;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.HierarchicalCommunicator;
import org.scalelab.engine.parallel.comm.SharedMemoryGroup;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.Checkpoint;
import org.scalelab.engine.training.CpuMeter;
import org.scalelab.engine.training.RunCancelledException;
import org.scalelab.engine.training.Worker;
import org.scalelab.engine.training.WorkerReporting;

/**
 * The workers of one process: one {@link Worker} per thread of a pool, each thread limited to the strategy's
 * native thread count. Threads of a process sum in shared memory; when the process is one rank of several,
 * its thread 0 also talks to the other ranks ({@link HierarchicalCommunicator}).
 *
 * <p>If one worker fails or is cancelled, the others are released from whatever collective they wait in and
 * the first failure is what {@link #run} throws.
 */
final class LocalWorkers implements EpochRunner {
    /** How long the other workers get to notice a failure before the epoch gives up on them. */
    private static final long RELEASE_WAIT_MILLIS = 1_000;

    private final List<Worker> workers = new ArrayList<>();
    private final SharedMemoryGroup group;
    private final ExecutorService threads;
    private final CpuMeter cpu = new CpuMeter();
    private final TrainingConfig config;
    private final int lastEpoch;
    private final WorkerFiles files;

    /**
     * @param ranks       this process's communicator among the job's ranks, or null when it trains alone
     * @param listener    receives the step events of this process's first worker (worker 0 of the job when the
     *                    process trains alone or is rank 0) and every local worker's timeline, from its thread
     * @param files       where worker 0 of the job saves its parameters and checkpoints, and what every worker
     *                    resumes from
     */
    LocalWorkers(TrainingConfig config, Architecture architecture, Dataset dataset, Communicator ranks,
                 RunListener listener, CancellationToken cancellation, WorkerFiles files) {
        this.config = config;
        this.lastEpoch = config.schedule().epochs();
        this.files = files;
        Strategy strategy = config.parallelism().strategy();
        int count = strategy.workersPerProcess(config.parallelism().threads());
        this.group = new SharedMemoryGroup(count);
        this.threads = Executors.newFixedThreadPool(count,
                workerThreads(strategy.nativeThreadsPerWorker(config.parallelism().threads())));
        for (int local = 0; local < count; local++) {
            // Building a worker takes a while (its replica, its normalised view of the data): a run cancelled
            // while its workers are still being built must not wait for all of them.
            cancellation.throwIfCancelled();
            Communicator communicator = communicator(group.communicator(local), ranks);
            WorkerReporting reporting = new WorkerReporting(local == 0 ? listener : event -> { }, listener,
                    ranks == null ? 0 : ranks.rank(), local);
            Worker worker = new Worker(config, architecture, dataset, communicator, reporting, cancellation);
            if (files.resumeAfterEpoch() > 0) {
                Checkpoint.restore(files.checkpoint(), worker);
            }
            workers.add(worker);
        }
    }

    private static Communicator communicator(Communicator local, Communicator ranks) {
        if (ranks == null) {
            return local;
        }
        return local.size() == 1 ? ranks : new HierarchicalCommunicator(local, ranks);
    }

    /** Daemon threads that set their native thread count before their first operation. */
    private static ThreadFactory workerThreads(int nativeThreads) {
        AtomicInteger next = new AtomicInteger();
        return body -> {
            Thread thread = new Thread(() -> {
                IntraOpThreads.useOnThisThread(nativeThreads);
                body.run();
            }, "worker-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Trains one epoch on every local worker.
     *
     * @return worker 0's results with every local worker's phases and this process's CPU usage
     */
    @Override
    public EpochCompleted run(int epoch) {
        cpu.restart();
        CompletionService<EpochCompleted> done = new ExecutorCompletionService<>(threads);
        List<Future<EpochCompleted>> running = new ArrayList<>();
        for (Worker worker : workers) {
            running.add(done.submit(() -> worker.run(epoch)));
        }
        List<WorkerPhases> phases = new ArrayList<>();
        RuntimeException failure = null;
        for (int finished = 0; finished < workers.size(); finished++) {
            try {
                Future<EpochCompleted> next = failure == null ? done.take()
                        : done.poll(RELEASE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    break;
                }
                phases.addAll(next.get().phases());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = asRuntime(e.getCause());
                    group.abort();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.abort();
                throw new RunCancelledException();
            }
        }
        if (failure != null) {
            running.forEach(future -> future.cancel(true));
            throw failure;
        }
        // Worker 0 of the job writes it, before the epoch's event: a record never names an epoch its checkpoint lacks.
        if (files.checkpointAfter(epoch, config) && workers.get(0).rank() == 0) {
            Checkpoint.write(files.checkpoint(), config, epoch, workers.get(0));
        }
        if (epoch == lastEpoch && workers.get(0).rank() == 0) {
            files.saveWeights(workers.get(0).network().parameters());
        }
        EpochCompleted first = getNow(running.get(0));
        phases.sort(Comparator.comparingInt(WorkerPhases::worker));
        return new EpochCompleted(epoch, first.learningRate(), first.trainLoss(), first.trainAccuracy(),
                first.testLoss(), first.testAccuracy(), first.images(), first.trainSeconds(), first.epochSeconds(),
                cpu.usage(), phases);
    }

    /** The result of a task known to have completed normally. */
    private static EpochCompleted getNow(Future<EpochCompleted> done) {
        try {
            return done.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a completed worker has no result", e);
        }
    }

    private static RuntimeException asRuntime(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        group.abort();
        threads.shutdownNow();
    }
}
