package org.scalelab.engine.parallel.mpj;

import java.net.InetAddress;
import java.util.function.Consumer;
import mpi.MPI;
import org.scalelab.engine.parallel.launch.ParentWatch;
import org.scalelab.engine.parallel.launch.RankProtocol.RankArguments;
import org.scalelab.engine.parallel.launch.RankProtocol;
import org.scalelab.engine.parallel.launch.RankTask;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Where every MPJ rank starts: {@link #main} in a niodev child JVM, {@link #runRank} in an smpdev rank thread.
 * Both run the task named in the application arguments ({@link RankArguments}) on an {@link MpjCommunicator}.
 */
public final class RankMain {
    private RankMain() {
    }

    /**
     * A niodev rank: {@code RANK CONF niodev ALGORITHM TASK-CLASS TASK-ARGS...}. It listens only on the address
     * the launcher gives it ({@link NiodevBinding}). The task's output lines go to standard output. Whatever
     * happens, the JVM exits: niodev leaves non-daemon threads behind, so returning from main, or an uncaught
     * exception, would leave the process running. A rank whose launcher is gone halts ({@link ParentWatch}).
     */
    public static void main(String[] args) {
        ParentWatch.exitWhenParentGoes();
        leaveCtrlCToTheParent();
        BatchedLines output = BatchedLines.standardOutput();
        int status = 0;
        try {
            NiodevBinding.listenOnlyOn(System.getProperty(RankProtocol.LISTEN_ADDRESS_PROPERTY,
                    InetAddress.getLoopbackAddress().getHostAddress()));
            runRank(args, output);
        } catch (Throwable failure) {
            failure.printStackTrace();
            // Last, so that it is among the lines the launcher keeps from standard error.
            System.err.println(RankProtocol.FAILURE_PREFIX + failure);
            status = RankProtocol.EXIT_FAILED;
        }
        output.flush();
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs one rank: {@code MPI.Init}, the task, {@code MPI.Finalize}. The smpdev launcher calls this
     * reflectively from another class loader, which is why it takes JDK types only.
     *
     * <p>A task that throws skips {@code MPI.Finalize}: in MPJ it is a barrier, which would wait for ever for
     * peers that are still blocked in the collective the failed rank never joined. The failed rank's JVM exits
     * instead (niodev), or its smpdev session is thrown away.
     *
     * @param mpjArgs MPJ's arguments for the device followed by the application arguments
     */
    public static void runRank(String[] mpjArgs, Consumer<String> output) throws Exception {
        RankArguments arguments = RankArguments.parse(MPI.Init(mpjArgs));
        RankTask task = RankTask.instantiate(arguments.taskClass(), RankMain.class.getClassLoader());
        task.run(new MpjCommunicator(MPI.COMM_WORLD, arguments.allreduce(), arguments.outboxes()), arguments.taskArgs(),
                output);
        MPI.Finalize();
    }

    /**
     * Ctrl-C in a terminal interrupts the whole foreground process group, this rank included. The application
     * then cancels the run and stops its ranks itself; a rank dying of the same signal first would turn the
     * cancelled run into a failed one ("rank 1 exited with status 130").
     */
    private static void leaveCtrlCToTheParent() {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
    }
}
