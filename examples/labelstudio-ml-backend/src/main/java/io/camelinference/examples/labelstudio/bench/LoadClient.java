package io.camelinference.examples.labelstudio.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/** Sends POSTs with a fixed number in flight (a semaphore, one sending thread) and counts what came back per second. */
final class LoadClient implements AutoCloseable {

    private final CloseableHttpAsyncClient client;
    private final int inFlight;

    LoadClient(int inFlight) {
        this.inFlight = inFlight;
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(inFlight)
                        .setMaxConnPerRoute(inFlight).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .disableAutomaticRetries().build();
        client.start();
    }

    String once(String url, byte[] body) throws ExecutionException, InterruptedException {
        SimpleHttpResponse r = client.execute(request(url, body), null).get();
        if (r.getCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.getCode() + ": " + r.getBodyText());
        }
        return r.getBodyText();
    }

    /** Requests per second for {@code requests} POSTs; fails when one is not a 200. */
    double measure(String url, byte[] body, int requests) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(requests);
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            client.execute(request(url, body), new FutureCallback<>() {
                @Override
                public void completed(SimpleHttpResponse r) {
                    if (r.getCode() != 200) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "HTTP " + r.getCode());
                    }
                    slots.release();
                    done.countDown();
                }

                @Override
                public void failed(Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                    slots.release();
                    done.countDown();
                }

                @Override
                public void cancelled() {
                    failed(new IllegalStateException("cancelled"));
                }
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not done within 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + requests + " requests to " + url + " failed, e.g. "
                    + firstFailure.get());
        }
        return requests / seconds;
    }

    private static SimpleHttpRequest request(String url, byte[] body) {
        return SimpleRequestBuilder.post(url).setBody(body, ContentType.APPLICATION_JSON).build();
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
