package org.scalelab.engine.parallel.launch;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.function.Consumer;
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * What every rank of a parallel job runs. A rank creates its task by class name in whatever hosts it — a
 * thread of this JVM, an smpdev rank class loader, a child JVM on this or another machine — so an
 * implementation needs a public no-argument constructor, and must not keep job state in static fields
 * (ranks that are threads would share it) nor call {@code System.exit} (ranks that are threads would take
 * the whole application down). Failing is throwing: the job then ends failed with the exception's message.
 */
public interface RankTask {

    /**
     * @param output one line per call, without line breaks, delivered to the job's {@link RankOutputListener}
     *               (from a child JVM it travels over standard output, which is therefore reserved for it)
     */
    void run(Communicator communicator, List<String> args, Consumer<String> output) throws Exception;

    /** Creates the task {@code className} names, loaded by {@code loader}. */
    static RankTask instantiate(String className, ClassLoader loader) throws ReflectiveOperationException {
        Class<?> type = Class.forName(className, true, loader);
        if (!RankTask.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + RankTask.class.getName());
        }
        try {
            return (RankTask) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructing " + className + " failed: " + e.getCause(), e.getCause());
        }
    }
}
