package org.scalelab.engine.parallel.launch;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ranks as threads of this JVM that talk through MPJ Express's shared-memory device, smpdev (the mpj-multicore
 * strategy). smpdev keeps its state in static fields, so, as MPJ's own MulticoreStarter does:
 * <ul>
 * <li>a fresh "session" class loader per run holds the device and the types ranks exchange (smpdev, xdev,
 *     mpjbuf, mpiExp, log4j); reusing one from an earlier run deadlocks;</li>
 * <li>each rank gets its own class loader below it with MPJ's API (mpi, mpjdev) and the worker classes, so each
 *     rank has its own MPI state; ranks in one loader deadlock;</li>
 * <li>each rank's thread belongs to an {@code xdev.smpdev.SMPDevProcess} thread group, by which smpdev tells
 *     ranks apart.</li>
 * </ul>
 * Across these loaders only JDK types pass (arguments, a {@code Consumer<String>} for output), and ND4J comes
 * from one shared parent ({@link SharedNativeLibrariesLoader}). No rank may call {@code System.exit}.
 */
public final class MulticoreJob {
    private static final String THREAD_GROUP_CLASS = "xdev.smpdev.SMPDevProcess";

    private MulticoreJob() {
    }

    public static RankJob start(RankJobSpec spec, RankOutputListener listener) {
        return start(spec, listener, MpjInstallation.detect());
    }

    /** @throws MpjUnavailableException when MPJ Express or the scalelab-mpj module is missing */
    public static RankJob start(RankJobSpec spec, RankOutputListener listener, MpjInstallation installation) {
        MpjInstallation mpj = installation.require();
        List<Path> rankClassPath = WorkerClassPath.of(spec.extraClassPath(), mpj.smpdevRankJars());
        URLClassLoader session = ClassPaths.loader("smpdev-session", mpj.smpdevSessionJars(),
                new SharedNativeLibrariesLoader(MulticoreJob.class.getClassLoader()));
        List<URLClassLoader> loaders = new ArrayList<>();
        for (int rank = 0; rank < spec.ranks(); rank++) {
            loaders.add(ClassPaths.loader("smpdev-rank-" + rank, rankClassPath, session));
        }
        loaders.add(session);
        Constructor<? extends ThreadGroup> threadGroup = threadGroupConstructor(session);
        Optional<SharedMemoryOutboxes> outboxes = SharedMemoryOutboxes.createFor(spec);
        List<String> applicationArgs = RankProtocol.RankArguments.of(spec, outboxes).toList();
        return RankThreads.start("smpdev", spec.ranks(), rank -> newThreadGroup(threadGroup, rank), rank -> {
            ClassLoader rankLoader = loaders.get(rank);
            Thread.currentThread().setContextClassLoader(rankLoader);
            Method entry = rankLoader.loadClass(RankProtocol.RANK_MAIN).getMethod("runRank", String[].class, Consumer.class);
            List<String> args = new ArrayList<>(List.of(Integer.toString(rank), Integer.toString(spec.ranks()), "smpdev"));
            args.addAll(applicationArgs);
            Consumer<String> output = line -> listener.line(rank, line);
            entry.invoke(null, args.toArray(String[]::new), output);
        }, () -> { }, () -> {
            loaders.forEach(ClassPaths::close);
            outboxes.ifPresent(SharedMemoryOutboxes::delete);
        });
    }

    private static Constructor<? extends ThreadGroup> threadGroupConstructor(ClassLoader session) {
        try {
            return session.loadClass(THREAD_GROUP_CLASS).asSubclass(ThreadGroup.class).getConstructor(String.class);
        } catch (ReflectiveOperationException e) {
            throw new MpjUnavailableException("MPJ's smpdev jar has no usable " + THREAD_GROUP_CLASS + " (" + e + ")");
        }
    }

    /**
     * A daemon group, so that it is destroyed when its rank's thread ends: on JDK 17 a parent group holds its
     * child groups until they are destroyed, and through its class this one would hold the whole session
     * loader for as long as the application runs. (JDK 19 dropped that reference and made the call a no-op.)
     */
    @SuppressWarnings("removal")
    private static ThreadGroup newThreadGroup(Constructor<? extends ThreadGroup> constructor, int rank) {
        try {
            ThreadGroup group = constructor.newInstance("smpdev-rank-" + rank);
            group.setDaemon(true);
            return group;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create smpdev's thread group for rank " + rank, e);
        }
    }
}
