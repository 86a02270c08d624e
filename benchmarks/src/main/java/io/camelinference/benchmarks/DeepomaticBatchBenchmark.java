package io.camelinference.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelinference.deepomatic.DeepomaticComponent;
import io.camelinference.deepomatic.DeepomaticConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;

/**
 * Deepomatic's batched status checks: many concurrent inferences, each task waited for by the component, whose checks
 * go out together as {@code GET /tasks/?task_ids=...} (at most 100 ids a request). Perfect packing is every request
 * full: the task ids the requests asked about, divided by 100. The emulator counts both. Two batches on one endpoint:
 * cold (the poller knows nothing of the model), then warm.
 */
final class DeepomaticBatchBenchmark {

    static final String BATCH_ROUTE = "GET /v0.7/tasks";
    static final String SINGLE_ROUTE = "GET /v0.7/tasks/{taskId}";
    static final String INFER_ROUTE = "POST /v0.7/recognition/public/{specId}/inference";
    static final String IDS_ASKED = "task ids asked by GET /tasks";
    static final int IDS_PER_REQUEST = 100;

    record Phase(String name, int inferences, long batchRequests, long idsAsked, long singleRequests,
                 long inferenceCalls, double seconds, Failures failures) {

        long perfect() {
            return (idsAsked + IDS_PER_REQUEST - 1) / IDS_PER_REQUEST;
        }

        double packing() {
            return batchRequests / (double) perfect();
        }
    }

    private final EmulatorProcess emulator;
    private final int inferences;
    private final List<Phase> phases = new ArrayList<>();

    DeepomaticBatchBenchmark(EmulatorProcess emulator, int inferences) {
        this.emulator = emulator;
        this.inferences = inferences;
    }

    List<Phase> measure() throws Exception {
        DeepomaticComponent deepomatic = new DeepomaticComponent();
        deepomatic.getConfiguration().setBaseUrl(emulator.baseUrl() + "/v0.7");
        deepomatic.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
        byte[] image = image();
        try (CamelHarness camel = new CamelHarness(emulator.baseUrl()).with("deepomatic", deepomatic)) {
            AsyncProducer producer = camel.producer("deepomatic:inference?specId=dominant-color-v1");
            emulator.reset();
            phases.add(phase("cold", camel, producer, image));
            phases.add(phase("warm", camel, producer, image));
        }
        return phases;
    }

    private Phase phase(String name, CamelHarness camel, AsyncProducer producer, byte[] image) throws Exception {
        CountDownLatch done = new CountDownLatch(inferences);
        Failures failures = new Failures();
        long t0 = System.nanoTime();
        for (int i = 0; i < inferences; i++) {
            Exchange exchange = camel.exchange(image);
            producer.process(exchange, sync -> {
                if (exchange.getException() != null) {
                    failures.add(exchange.getException());
                } else if (!"success".equals(exchange.getMessage().getHeader(DeepomaticConstants.TASK_STATUS))) {
                    failures.add(new IllegalStateException("ended with task status "
                            + exchange.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)));
                }
                done.countDown();
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " Deepomatic inferences never completed");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode stats = emulator.stats("deepomatic");
        emulator.reset();
        Phase p = new Phase(name, inferences, EmulatorProcess.calls(stats, BATCH_ROUTE),
                stats.path("counts").path(IDS_ASKED).asLong(), EmulatorProcess.calls(stats, SINGLE_ROUTE),
                EmulatorProcess.calls(stats, INFER_ROUTE), seconds, failures);
        System.out.printf("  deepomatic %s: %d inferences, %d batch status requests for %d task ids (perfect %d,"
                        + " %.2fx), %d single, %.1f s, %d failed%n", name, inferences, p.batchRequests(), p.idsAsked(),
                p.perfect(), p.packing(), p.singleRequests(), seconds, failures.count());
        return p;
    }

    void report(Report r, long slowModelMillis) {
        r.heading(2, "3. Deepomatic: batched task checks for " + Report.num(inferences, 0) + " concurrent inferences");
        r.paragraph("`deepomatic:inference?specId=dominant-color-v1` with default options (task checks batched up to 100"
                + " ids per `GET /tasks/?task_ids=...`), " + Report.num(inferences, 0) + " small PNG images submitted at"
                + " once; the emulator keeps each task `pending` for " + slowModelMillis + " ms. Perfect packing: the"
                + " task ids all the batch requests asked about, 100 per request. Cold first, then a warm batch on the"
                + " same endpoint.");
        List<List<String>> rows = new ArrayList<>();
        for (Phase p : phases) {
            rows.add(List.of(p.name(), Report.num(p.inferenceCalls(), 0), Report.num(p.idsAsked(), 0),
                    Report.num(p.batchRequests(), 0), Report.num(p.perfect(), 0), Report.times(p.packing()),
                    Report.num(p.singleRequests(), 0), Report.num(p.seconds(), 1),
                    Integer.toString(p.failures().count())));
        }
        r.table(List.of("batch", "inference calls", "task ids checked", "batch status requests", "perfect packing",
                "requests / perfect", "single-task requests", "seconds", "failed"), rows);
    }

    /** A small PNG, the same for every inference (billing does not matter here). */
    static byte[] image() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                img.setRGB(x, y, 0xC02020);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
