package org.scalelab.engine.data;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Hands an HTTP response, as it arrives on HttpClient's threads, to the downloading thread, which waits in short
 * polls so that cancellation and interrupts take effect even while the server sends nothing. (The InputStream
 * that HttpClient offers ignores interrupts on JDK 17, so a stalled download could not be cancelled.)
 */
final class ResponseEvents implements HttpResponse.BodyHandler<Void>, Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();
    private static final long POLL_MILLIS = 100;

    private final String fileName;
    private final BooleanSupplier cancelled;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();

    /** @param fileName for the cancellation exception */
    ResponseEvents(String fileName, BooleanSupplier cancelled) {
        this.fileName = fileName;
        this.cancelled = cancelled;
    }

    /** Also reports failures of the exchange itself: a refused connection never reaches the body subscriber. */
    void watch(CompletableFuture<?> exchange) {
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                events.add(failure);
            }
        });
    }

    @Override
    public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
        events.add(info);
        return HttpResponse.BodySubscribers.fromSubscriber(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.set(s);
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        events.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        events.add(failure);
    }

    @Override
    public void onComplete() {
        events.add(END);
    }

    /** Status and headers, once they arrive. */
    HttpResponse.ResponseInfo headers() throws IOException {
        return (HttpResponse.ResponseInfo) await();
    }

    /** The next buffers of the body, or null at its end. */
    @SuppressWarnings("unchecked")
    List<ByteBuffer> nextBuffers() throws IOException {
        Object event = await();
        if (event == END) {
            return null;
        }
        subscription.get().request(1);
        return (List<ByteBuffer>) event;
    }

    /** Stops the body flowing, so the connection is dropped rather than drained. */
    void stop() {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    private Object await() throws IOException {
        try {
            while (true) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new DownloadCancelledException(fileName);
                }
                Object event = events.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (event instanceof Throwable failure) {
                    throw asIOException(failure);
                }
                if (event != null) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadCancelledException(fileName);
        }
    }

    private static IOException asIOException(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof IOException io ? io : new IOException(cause);
    }
}
