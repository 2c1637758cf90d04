package org.scalelab.engine.faults;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * How a reader met one generated input: refused it with its own error type, with a message that names the file,
 * or accepted it whole. Anything else fails the property: another exception (a parser's, an index out of
 * bounds, running out of memory), a refusal that does not say which file, a partial result, or a reader still
 * busy after {@link #PATIENCE}. Counts both verdicts, so a property can check it mostly tried broken input.
 */
public final class ReaderVerdict {
    /** Far longer than any reader needs for the small inputs generated: longer means it hangs. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Class<? extends RuntimeException> refusal;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    /** @param refusal the reader's own error type */
    public ReaderVerdict(Class<? extends RuntimeException> refusal) {
        this.refusal = refusal;
    }

    /**
     * @param files    the inputs' names, one of which a refusal must give (the one at fault)
     * @param read     reads the input
     * @param complete whether an accepted result is whole (counts agree, nothing missing)
     */
    public <T> void check(List<?> files, Callable<T> read, Predicate<T> complete) {
        String file = files.toString();
        T result;
        try {
            result = assertTimeoutPreemptively(PATIENCE, read::call, "the reader hangs on " + file);
        } catch (RuntimeException e) {
            if (!refusal.isInstance(e)) {
                throw new AssertionError("expected " + refusal.getSimpleName() + " naming " + file + ", got " + e, e);
            }
            if (e.getMessage() == null || files.stream().noneMatch(name -> e.getMessage().contains(name.toString()))) {
                throw new AssertionError("the message does not name " + file + ": " + e.getMessage(), e);
            }
            refused.incrementAndGet();
            return;
        } catch (Exception e) {
            throw new AssertionError("expected " + refusal.getSimpleName() + " naming " + file + ", got " + e, e);
        }
        if (!complete.test(result)) {
            throw new AssertionError("accepted, but incomplete: " + result);
        }
        accepted.incrementAndGet();
    }

    public int refused() {
        return refused.get();
    }

    public int accepted() {
        return accepted.get();
    }
}
