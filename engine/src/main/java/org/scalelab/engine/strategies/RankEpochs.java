package org.scalelab.engine.strategies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.EventJson;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.StepTimeline;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.parallel.launch.RankDevice;
import org.scalelab.engine.parallel.launch.RankJob;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.parallel.launch.RankJobSpec;
import org.scalelab.engine.parallel.launch.RemoteShell;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunCancelledException;
import org.scalelab.engine.training.RunPlan;

/**
 * The application's side of a multi-process run: starts the ranks ({@link TrainingRankTask}) on MPJ Express,
 * passes the reporting rank's step events, the timelines and the staleness of async's updates on as they arrive,
 * and completes an epoch once every rank has reported it, with every worker's phases. A rank that fails ends the
 * run at once (the job has then stopped all the others);
 * so does a rank that falls silent or ranks that stop making progress ({@link RankWatch}), which would otherwise
 * leave the run waiting for ever; cancelling stops every rank.
 */
final class RankEpochs implements EpochRunner {
    /** How often the wait for events also checks the job and the cancellation. */
    private static final long POLL_MILLIS = 50;
    /** After the last epoch, how long ranks get to save weights and exit. */
    private static final Duration FINISH_WAIT = Duration.ofSeconds(30);

    /** A line of one rank, parsed, or the reason it could not be. */
    private record RankEvent(int rank, RunEvent event, RuntimeException unreadable) {
    }

    private final TrainingConfig config;
    private final RankDevice device;
    private final RunListener listener;
    private final CancellationToken cancellation;
    private final BlockingQueue<RankEvent> arrived = new LinkedBlockingQueue<>();
    private final Map<Integer, Map<Integer, EpochCompleted>> epochsByNumber = new HashMap<>();
    private final RankJob job;
    private final RankWatch watch;
    private boolean finished;

    RankEpochs(RunPlan plan, DatasetCatalog catalog, RankDevice device, RunListener listener,
               CancellationToken cancellation) {
        this.config = plan.config();
        this.device = device;
        this.listener = listener;
        this.cancellation = cancellation;
        RankJobSpec spec = RankJobSpec.builder(TrainingRankTask.class, config.parallelism().processes())
                .taskArgs(TrainingRankTask.arguments(plan, catalog))
                .allreduce(config.parallelism().allreduce())
                .nativeThreads(config.parallelism().strategy().nativeThreadsPerWorker(config.parallelism().threads()))
                // Serial GC: a rank's heap is small and GC threads would only compete for the cores. Warnings only:
                // a rank's last words on stderr become the reason a failed run gives, not ND4J's start-up chatter.
                .jvmOptions(List.of("-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"))
                .hosts(Trainers.hostsOf(config))
                .remoteShell(RemoteShell.fromEnvironment())
                .build();
        // Before the ranks start: their first heartbeats may arrive before start returns.
        this.watch = new RankWatch(spec.ranks(), config.placement().rankTimeout(), spec.startupTimeout(),
                this::placeOf, System.nanoTime());
        this.job = device.start(spec, this::receive);
    }

    private String placeOf(int rank) {
        return job.placeOf(rank);
    }

    /** Called on the job's reader threads; heartbeats are taken here, so that a busy queue cannot delay them. */
    private void receive(int rank, String line) {
        long now = System.nanoTime();
        try {
            RankHeartbeat beat = RankHeartbeat.parse(line).orElse(null);
            if (beat != null) {
                watch.heartbeat(rank, beat, now);
                return;
            }
            watch.heard(rank, now);
            arrived.add(new RankEvent(rank, EventJson.fromLine(line), null));
        } catch (RuntimeException e) {
            arrived.add(new RankEvent(rank, null, e));
        }
    }

    @Override
    public EpochCompleted run(int epoch) {
        while (true) {
            RankEvent next = nextEvent();
            if (next == null) {
                continue;
            }
            if (next.unreadable() != null) {
                throw new IllegalStateException("rank " + next.rank() + " printed a line that is not an event: "
                        + next.unreadable().getMessage());
            }
            if (next.event() instanceof StepCompleted step) {
                watch.stepCompleted(step);
                listener.onEvent(step);
            } else if (next.event() instanceof StepTimeline || next.event() instanceof UpdateStaleness) {
                listener.onEvent(next.event());
            } else if (next.event() instanceof EpochCompleted completed) {
                Map<Integer, EpochCompleted> ranks = epochsByNumber.computeIfAbsent(completed.epoch(), e -> new HashMap<>());
                ranks.put(next.rank(), completed);
                if (completed.epoch() == epoch && ranks.size() == config.parallelism().processes()) {
                    epochsByNumber.remove(epoch);
                    finished = epoch == config.schedule().epochs();
                    return merge(ranks);
                }
            }
        }
    }

    /**
     * The next event, or null after a short wait; throws when the job failed or ended, the run was cancelled, or
     * a rank no longer takes part (checked whether or not events arrive: with parameter averaging once per
     * epoch, rank 0 reports steps for a while after another rank stopped).
     */
    private RankEvent nextEvent() {
        try {
            Optional<String> lost = watch.failure(System.nanoTime());
            if (lost.isPresent()) {
                throw new RankJobException(lost.get());
            }
            RankEvent next = arrived.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            if (cancellation.isCancelled()) {
                job.cancel();
                cancellation.throwIfCancelled();
            }
            if (job.await(Duration.ZERO) && arrived.isEmpty()) {
                throw new RankJobException("the ranks ended before reporting every epoch");
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new RunCancelledException();
        }
    }

    /**
     * The reporting rank's results (rank 0 evaluates; a pipeline's last stage computes the loss) with every rank's
     * worker phases. CPU usage: ranks that are processes each measured their own, so they add up; ranks that are
     * threads of this JVM all measured the same process.
     */
    private EpochCompleted merge(Map<Integer, EpochCompleted> ranks) {
        EpochCompleted first = ranks.get(config.parallelism().reportingRank());
        List<WorkerPhases> phases = new ArrayList<>();
        ranks.values().forEach(rank -> phases.addAll(rank.phases()));
        phases.sort(Comparator.comparingInt(WorkerPhases::worker));
        double cpu = device == RankDevice.SMPDEV ? first.cpuUsage()
                : ranks.values().stream().mapToDouble(EpochCompleted::cpuUsage).sum();
        return new EpochCompleted(first.epoch(), first.learningRate(), first.trainLoss(), first.trainAccuracy(),
                first.testLoss(), first.testAccuracy(), first.images(), first.trainSeconds(), first.epochSeconds(),
                cpu, phases);
    }

    /** After the last epoch waits for the ranks to exit (rank 0 may be saving weights); otherwise stops them. */
    @Override
    public void close() {
        try {
            if (finished) {
                if (!job.await(FINISH_WAIT)) {
                    job.cancel();
                    throw new RankJobException("the ranks did not exit within " + FINISH_WAIT.toSeconds()
                            + " s of the last epoch");
                }
            } else {
                job.cancel();
                job.await(FINISH_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
        } catch (RankJobException e) {
            if (finished) {
                throw e;
            }
            // Stopping a failed or cancelled run: the failure that ended it is already being reported.
        }
    }
}
