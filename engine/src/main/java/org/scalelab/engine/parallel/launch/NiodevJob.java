package org.scalelab.engine.parallel.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Ranks as child JVMs that talk over MPJ Express's niodev (TCP), started and supervised by this JVM: no
 * mpjrun, no daemons. Start-up follows MPJ's own protocol ({@link PortExchange}); afterwards:
 * <ul>
 * <li>a rank that exits with a non-zero status (killed, or its task threw) fails the job with a message
 *     naming the rank, its status and, when it said so, why; the other ranks are killed at once, because
 *     MPJ leaves them blocked forever in their next collective;</li>
 * <li>{@link #cancel} kills every rank;</li>
 * <li>when this JVM dies, the ranks' standard input closes and they stop themselves;</li>
 * <li>a rank that does not reach the port exchange in time fails the job (never a hang).</li>
 * </ul>
 */
public final class NiodevJob implements RankJob {
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final PortExchange exchange;
    // Copy-on-write: the supervisor may have to stop the ranks while later ones are still being started.
    private final List<RankProcess> ranks = new CopyOnWriteArrayList<>();
    private final Optional<SharedMemoryOutboxes> outboxes;
    private final List<HostSlot> hosts;
    private final JobSupervisor supervisor;

    private NiodevJob(PortExchange exchange, List<HostSlot> hosts, Optional<SharedMemoryOutboxes> outboxes) {
        this.exchange = exchange;
        this.outboxes = outboxes;
        this.hosts = hosts;
        this.supervisor = new JobSupervisor("niodev-job", hosts.size(), () -> {
            stopRanks();
            outboxes.ifPresent(SharedMemoryOutboxes::delete);
        }, () -> {
            drainOutput();
            outboxes.ifPresent(SharedMemoryOutboxes::delete);
        });
    }

    /**
     * Opens the port exchange, starts every rank and returns; {@link #await} tells how it ends.
     *
     * @throws MpjUnavailableException when MPJ Express or the scalelab-mpj module is missing
     * @throws RankJobException        when a rank's process cannot be started at all
     */
    public static NiodevJob start(RankJobSpec spec, RankOutputListener listener) {
        return start(spec, listener, MpjInstallation.detect());
    }

    /** Like {@link #start(RankJobSpec, RankOutputListener)}, with ranks using the given MPJ installation. */
    public static NiodevJob start(RankJobSpec spec, RankOutputListener listener, MpjInstallation installation) {
        MpjInstallation mpj = installation.require();
        List<Path> classPath = WorkerClassPath.of(spec.extraClassPath(), mpj.niodevJars());
        List<HostSlot> hosts = HostSlot.ofEachRank(spec.hosts(), spec.ranks());
        Optional<SharedMemoryOutboxes> outboxes = SharedMemoryOutboxes.createFor(spec);
        PortExchange exchange;
        try {
            exchange = PortExchange.listen(exchangeAddress(hosts));
        } catch (IOException e) {
            outboxes.ifPresent(SharedMemoryOutboxes::delete);
            throw new RankJobException("cannot open the port exchange for the ranks: " + e.getMessage());
        }
        NiodevJob job = new NiodevJob(exchange, hosts, outboxes);
        job.launch(spec, listener, hosts, new RankCommand(spec, classPath, mpj.home()));
        return job;
    }

    /** The process of every rank, in rank order. */
    public List<ProcessHandle> processes() {
        return ranks.stream().map(rank -> rank.process().toHandle()).toList();
    }

    @Override
    public String placeOf(int rank) {
        String host = "on " + hosts.get(rank).name();
        return rank < ranks.size() ? "pid " + ranks.get(rank).process().pid() + " " + host : host;
    }

    /** Where the port exchange listens (loopback when every rank runs on this machine). */
    public InetAddress exchangeAddress() {
        return exchange.address();
    }

    public int exchangePort() {
        return exchange.port();
    }

    @Override
    public void await() throws InterruptedException {
        supervisor.await();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return supervisor.await(timeout);
    }

    @Override
    public void cancel() {
        supervisor.cancel();
    }

    private void launch(RankJobSpec spec, RankOutputListener listener, List<HostSlot> hosts, RankCommand command) {
        String conf = exchange.conf(spec.ranks());
        List<String> applicationArgs = RankProtocol.RankArguments.of(spec, outboxes).toList();
        for (int rank = 0; rank < spec.ranks(); rank++) {
            List<String> args = new ArrayList<>(List.of(Integer.toString(rank), conf, "niodev"));
            args.addAll(applicationArgs);
            try {
                ranks.add(new RankProcess(rank, command.forRank(hosts.get(rank), args), listener,
                        e -> supervisor.fail("the output listener failed: " + e)));
            } catch (IOException e) {
                supervisor.fail("cannot start rank " + rank + ": " + e.getMessage());
                throw new RankJobException("cannot start rank " + rank + ": " + e.getMessage());
            }
        }
        for (RankProcess rank : ranks) {
            rank.process().onExit().thenAccept(process -> {
                int status = process.exitValue();
                if (status == 0) {
                    supervisor.rankSucceeded();
                } else {
                    supervisor.fail(() -> rank.describeExit(status));
                }
            });
        }
        List<InetAddress> peers = hosts.stream().map(HostSlot::address).toList();
        Thread exchanging = new Thread(() -> {
            try {
                exchange.run(peers, spec.startupTimeout());
            } catch (RankJobException e) {
                supervisor.fail(e.getMessage());
            } catch (IOException e) {
                // Closed by stopRanks when the job already failed: that failure is the one reported.
                supervisor.fail("the port exchange with the ranks failed: " + e);
            }
        }, "niodev-port-exchange");
        exchanging.setDaemon(true);
        exchanging.start();
    }

    /**
     * Kills every rank still running and waits until they are gone (at most {@link #STOP_WAIT}). Ranks that have
     * exited are left alone: destroying a process closes its pipes, and with them the last lines of standard
     * error that say why it failed, which the failure's description has yet to read.
     */
    private void stopRanks() {
        closeExchange();
        ranks.stream().map(RankProcess::process).filter(Process::isAlive).forEach(Process::destroyForcibly);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (RankProcess rank : ranks) {
                rank.process().waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers every line the ranks printed before {@link #await} returns. */
    private void drainOutput() {
        ranks.forEach(RankProcess::drainOutput);
    }

    private void closeExchange() {
        try {
            exchange.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loopback when every rank is local, so nothing outside this machine can reach the exchange; otherwise the
     * address of the interface that routes to the first remote host (connecting a UDP socket sends nothing,
     * it only picks the route).
     */
    private static InetAddress exchangeAddress(List<HostSlot> hosts) {
        HostSlot remote = hosts.stream().filter(host -> !host.local()).findFirst().orElse(null);
        if (remote == null) {
            return InetAddress.getLoopbackAddress();
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(remote.address(), 9);
            return probe.getLocalAddress();
        } catch (SocketException e) {
            throw new RankJobException("cannot find a route to " + remote.name() + ": " + e.getMessage());
        }
    }
}
