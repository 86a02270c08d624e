package io.camelinference.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the three measurements against one emulator process and writes {@code results/<date>-<host>.md}.
 * <p>
 * {@code java -Xmx256m -jar benchmarks/target/benchmarks.jar [--requests 20000] [--warmup 20000] [--rounds 3]
 * [--pending-jobs 10000] [--slow-model-millis 30000] [--upload-mib 1024] [--upload-rounds 3] [--results DIR]
 * [--scenarios throughput,pending,upload]}
 */
public final class BenchmarkMain {

    static final int[] IN_FLIGHT = {16, 64};

    record Settings(int requests, int warmup, int rounds, int pendingJobs, long slowModelMillis, long uploadMib,
                    int uploadRounds, Path results, Set<String> scenarios) {

        static Settings parse(String[] args) {
            int requests = 20_000;
            int warmup = 20_000;
            int rounds = 3;
            int pendingJobs = 10_000;
            long slowModelMillis = 30_000;
            long uploadMib = 1024;
            int uploadRounds = 3;
            Path results = defaultResults();
            Set<String> scenarios = Set.of("throughput", "pending", "upload");
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--requests" -> requests = Integer.parseInt(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--pending-jobs" -> pendingJobs = Integer.parseInt(v);
                    case "--slow-model-millis" -> slowModelMillis = Long.parseLong(v);
                    case "--upload-mib" -> uploadMib = Long.parseLong(v);
                    case "--upload-rounds" -> uploadRounds = Integer.parseInt(v);
                    case "--results" -> results = Paths.get(v);
                    case "--scenarios" -> scenarios = Set.of(v.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Settings(requests, warmup, rounds, pendingJobs, slowModelMillis, uploadMib, uploadRounds,
                    results, scenarios);
        }

        /** benchmarks/results when run from benchmarks/target/benchmarks.jar, else ./results. */
        private static Path defaultResults() {
            try {
                Path code = Paths.get(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path target = code.getParent();
                if (code.toString().endsWith(".jar") && target != null && target.getFileName().toString().equals("target")) {
                    return target.resolveSibling("results");
                }
            } catch (URISyntaxException | RuntimeException ignored) {
                // fall through
            }
            return Paths.get("results");
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        long started = System.nanoTime();
        double loadAtStart = JvmProbe.systemLoadAverage();
        String host = InetAddress.getLocalHost().getHostName();
        ZonedDateTime now = ZonedDateTime.now();

        Report report = new Report();
        try (EmulatorProcess emulator = EmulatorProcess.start(settings.slowModelMillis())) {
            header(report, settings, emulator, host, now);

            if (settings.scenarios().contains("throughput")) {
                System.out.println("1. throughput, heart-risk");
                ThroughputBenchmark throughput = new ThroughputBenchmark(emulator, settings.requests(),
                        settings.warmup(), settings.rounds());
                List<ThroughputBenchmark.Summary> summaries = new ArrayList<>();
                for (int inFlight : IN_FLIGHT) {
                    summaries.add(throughput.measure(inFlight));
                }
                throughputSection(report, settings, summaries, throughput.runs());
            }
            if (settings.scenarios().contains("pending")) {
                System.out.println("2. pending jobs, sentiment-slow");
                List<PendingJobsBenchmark.Result> pending = new ArrayList<>();
                for (boolean unbounded : new boolean[] {false, true}) {
                    pending.add(new PendingJobsBenchmark(emulator, settings.pendingJobs(), settings.slowModelMillis(),
                            unbounded).measure());
                }
                pendingSection(report, pending.get(0), pending.get(1));
            }
            if (settings.scenarios().contains("upload")) {
                System.out.println("3. streaming upload, text-summary");
                List<UploadBenchmark.Run> uploads = new UploadBenchmark(emulator, settings.uploadMib() << 20,
                        settings.uploadRounds()).measure();
                uploadSection(report, settings, uploads);
            }
        }
        report.paragraph(String.format(Locale.ROOT, "System load average (1 min): %.2f at the start, %.2f at the end.",
                loadAtStart, JvmProbe.systemLoadAverage()));
        report.paragraph(String.format("Total run time: %.0f s.", (System.nanoTime() - started) / 1e9));

        Path file = report.writeTo(settings.results().resolve(now.format(DateTimeFormatter.ISO_LOCAL_DATE) + "-" + host + ".md"));
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + file.toAbsolutePath());
    }

    private static void header(Report r, Settings s, EmulatorProcess emulator, String host, ZonedDateTime now) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        String command = ProcessHandle.current().info().commandLine().orElse("java " + String.join(" ",
                runtime.getInputArguments()) + " -jar benchmarks.jar");
        r.heading(1, "Benchmark results, " + LocalDate.from(now) + ", " + host)
                .item("Date", now.format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .item("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")")
                .item("CPUs", Runtime.getRuntime().availableProcessors() + ", shared by the benchmark and the emulator")
                .item("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch") + ", " + Report.num(os.getTotalMemorySize() / (double) (1L << 30), 1)
                        + " GiB RAM")
                .item("Benchmark JVM", "max heap " + Report.num(Stats.mib(Runtime.getRuntime().maxMemory()), 0)
                        + " MiB, JVM options `" + String.join(" ", runtime.getInputArguments()) + "`, GC " + gcs)
                .item("Emulator", emulator.version() + ", separate process (pid " + emulator.pid() + ") at "
                        + emulator.baseUrl() + ", default heap, slow-model time " + s.slowModelMillis() + " ms")
                .item("Emulator command", "`" + emulator.command() + "`")
                .item("Command", "`" + command + "`")
                .endList();
        r.paragraph("Ratios are component / raw HttpClient 5 async, same machine, same emulator, same run. For req/s and"
                + " MiB/s above 1.00x means the component is faster; for CPU and heap below 1.00x means it uses less."
                + " CPU is the benchmark JVM's process CPU time (client side only: the emulator is another process),"
                + " including its GC and JIT threads.");
    }

    private static void throughputSection(Report r, Settings s, List<ThroughputBenchmark.Summary> summaries,
                                          List<ThroughputBenchmark.Run> runs) {
        r.heading(2, "1. Throughput: small JSON predictions (heart-risk, answered inline)");
        r.paragraph("Each client sends " + Report.num(s.requests(), 0) + " predictions per round after "
                + Report.num(s.warmup(), 0) + " warm-up ones (repeated, alternating the clients, for at least "
                + ThroughputBenchmark.WARM_UP_SECONDS + " s per level), keeping a fixed number in flight from one thread"
                + " (semaphore). Raw: HC5 `CloseableHttpAsyncClient`, pool = in-flight, `disableAutomaticRetries`,"
                + " `SimpleRequestBuilder` POST of the JSON, answer read as text. Component: the"
                + " `unitypredict:predict?modelId=heart-risk&maxConnections=<in-flight>` AsyncProducer driven directly"
                + " with Map bodies (JSON written and the answer parsed into `UnityPredictResponse`, headers set,"
                + " completion handed to Camel's pool). " + s.rounds() + " rounds alternating which client goes first;"
                + " medians shown.");
        List<List<String>> rows = new ArrayList<>();
        for (ThroughputBenchmark.Summary m : summaries) {
            rows.add(List.of(Integer.toString(m.inFlight()), Report.num(m.rawPerSecond(), 0),
                    Report.num(m.componentPerSecond(), 0), Report.ratio(m.componentPerSecond(), m.rawPerSecond()),
                    Report.num(m.rawCpuMs(), 1), Report.num(m.componentCpuMs(), 1),
                    Report.ratio(m.componentCpuMs(), m.rawCpuMs()), Integer.toString(m.failures())));
        }
        r.table(List.of("in flight", "raw req/s", "component req/s", "ratio", "raw CPU ms / 1,000 req",
                "component CPU ms / 1,000 req", "ratio", "failed"), rows);
        List<List<String>> detail = new ArrayList<>();
        for (ThroughputBenchmark.Run run : runs) {
            detail.add(List.of(Integer.toString(run.inFlight()), Integer.toString(run.round()), run.client(),
                    Report.num(run.result().perSecond(), 0), Report.num(run.result().cpuMillisPerThousand(), 1)));
        }
        r.paragraph("Every round:");
        r.table(List.of("in flight", "round", "client", "req/s", "CPU ms / 1,000 req"), detail);
    }

    private static void pendingSection(Report r, PendingJobsBenchmark.Result defaults,
                                       PendingJobsBenchmark.Result unbounded) {
        r.heading(2, "2. Pending jobs: " + Report.num(defaults.jobs(), 0) + " long predictions at once (sentiment-slow)");
        r.paragraph("All submitted from one thread through `unitypredict:predict?modelId=sentiment-slow` (default poll"
                + " settings: first check after 250 ms, doubling with jitter to 10 s); the emulator answers `Processing`"
                + " and completes each job " + defaults.slowModelMillis() / 1000 + " s after it was accepted. Threads"
                + " and heap (after full GC) are read once the component is warmed up (before), once the service has"
                + " accepted every job (then the first status check of every job is queued or in flight), and halfway"
                + " through the model time (checks spread out). The heap per job includes the caller's Exchange and"
                + " Map body."
                + " Run twice: with a plain `DefaultCamelContext` (Camel defaults), and with the queue limit of Camel's"
                + " default thread pool profile lifted (`getDefaultThreadPoolProfile().setMaxQueueSize(-1)`), since the"
                + " component's scheduler and completion pool are built from that profile and its default limit is"
                + " 1,000 queued tasks.");
        r.table(List.of("measure", "Camel defaults", "maxQueueSize = -1"), List.of(
                pendingRow("live JVM threads before / while pending / peak", defaults, unbounded,
                        p -> p.threadsBefore() + " / " + p.threadsPending() + " / " + p.peakThreads()),
                pendingRow("heap after GC: before / all just accepted / mid-wait", defaults, unbounded,
                        p -> Report.num(Stats.mib(p.heapBefore()), 1) + " / " + Report.num(Stats.mib(p.heapPending()), 1)
                                + " / " + (p.heapMidWait() < 0 ? "n/a" : Report.num(Stats.mib(p.heapMidWait()), 1))
                                + " MiB"),
                pendingRow("heap per pending job: all just accepted / mid-wait", defaults, unbounded,
                        p -> Report.num(p.heapBytesPerJob() / 1024, 2) + " / "
                                + (p.heapMidWait() < 0 ? "n/a" : Report.num(p.heapBytesPerJobMidWait() / 1024, 2))
                                + " KiB"),
                pendingRow("submit loop (process() returned for every job)", defaults, unbounded,
                        p -> Report.num(p.submitSeconds(), 2) + " s"),
                pendingRow("all accepted by the service", defaults, unbounded,
                        p -> Report.num(p.acceptedSeconds(), 2) + " s"),
                pendingRow("all ended (completed or failed)", defaults, unbounded,
                        p -> Report.num(p.allDoneSeconds(), 2) + " s after the first submit"),
                pendingRow("status calls in all / per job", defaults, unbounded,
                        p -> Report.num(p.statusCalls(), 0) + " / " + Report.num(p.checksPerJob(), 1)),
                pendingRow("status calls per second, peak 1 s window / mean", defaults, unbounded,
                        p -> Report.num(p.peakStatusPerSecond(), 0) + " / " + Report.num(p.meanStatusPerSecond(), 0)),
                pendingRow("client CPU from all accepted to all ended, per job", defaults, unbounded,
                        p -> Report.num(p.cpuMsPerJobWhileWaiting(), 3) + " ms"),
                pendingRow("failed or not completed", defaults, unbounded, p -> Integer.toString(p.failures()))));
        for (PendingJobsBenchmark.Result p : List.of(defaults, unbounded)) {
            p.failureExamples().forEach((kind, message) -> r.paragraph("Failures ("
                    + (p == defaults ? "Camel defaults" : "maxQueueSize = -1") + "): " + kind + ", e.g. `" + message
                    + "`"));
        }
        r.paragraph("Raw baseline: none like for like. HC5 has no job poller; holding " + Report.num(defaults.jobs(), 0)
                + " pending jobs with the raw client the naive way means a thread per job sleeping between status"
                + " calls (" + Report.num(defaults.jobs(), 0) + " threads, each with its own stack, 1 MiB reserved by"
                + " default) or writing a scheduler-driven poller by hand, which is what the component is. Only the"
                + " component's numbers are reported here.");
    }

    private static List<String> pendingRow(String measure, PendingJobsBenchmark.Result a, PendingJobsBenchmark.Result b,
                                           Function<PendingJobsBenchmark.Result, String> value) {
        return List.of(measure, value.apply(a), value.apply(b));
    }

    private static void uploadSection(Report r, Settings s, List<UploadBenchmark.Run> runs) {
        r.heading(2, "3. Streaming upload: " + s.uploadMib() + " MiB file through text-summary");
        r.paragraph("The whole file flow, timed end to end: initialize, upload link, PUT of the file to the signed link,"
                + " predict (the emulator's model then reads the file, which is part of both timings). Raw: HC5 with"
                + " `AsyncEntityProducers.create(File, ContentType)`; the PUT alone is also timed. Component:"
                + " `unitypredict:predict?modelId=text-summary&fileInputName=InputFile` with a `File` body. Heap peak:"
                + " full GC, then the sum of the heap pools' peak usage since the reset (an upper bound; mostly how far"
                + " the young generation grew before a collection). Allocated: bytes allocated by live threads during"
                + " the run. " + s.uploadRounds() + " rounds alternating the order after 3 warm-up uploads of 32 MiB"
                + " each; medians shown.");
        UploadSummary raw = UploadSummary.of(runs, "raw HC5");
        UploadSummary component = UploadSummary.of(runs, "component");
        r.table(List.of("client", "MiB/s (whole flow)", "MiB/s (PUT alone)", "heap peak MiB", "allocated MiB"), List.of(
                raw.row(), component.row(),
                List.of("ratio component/raw", Report.ratio(component.mibPerSecond, raw.mibPerSecond), "",
                        Report.ratio(component.heapPeakMib, raw.heapPeakMib),
                        Report.ratio(component.allocatedMib, raw.allocatedMib))));
        List<List<String>> detail = new ArrayList<>();
        for (UploadBenchmark.Run run : runs) {
            detail.add(List.of(Integer.toString(run.round()), run.client(), Report.num(run.nanos() / 1e9, 2),
                    Report.num(run.mibPerSecond(), 1), Report.num(run.putMibPerSecond(), 1),
                    Report.num(Stats.mib(run.heapPeak()), 1), Report.num(Stats.mib(run.allocated()), 1)));
        }
        r.paragraph("Every round:");
        r.table(List.of("round", "client", "seconds", "MiB/s", "PUT MiB/s", "heap peak MiB", "allocated MiB"), detail);
    }

    private record UploadSummary(String client, double mibPerSecond, double putMibPerSecond, double heapPeakMib,
                                 double allocatedMib) {

        static UploadSummary of(List<UploadBenchmark.Run> runs, String client) {
            List<UploadBenchmark.Run> mine = runs.stream().filter(run -> run.client().equals(client)).toList();
            return new UploadSummary(client,
                    Stats.median(mine.stream().mapToDouble(UploadBenchmark.Run::mibPerSecond).toArray()),
                    Stats.median(mine.stream().mapToDouble(UploadBenchmark.Run::putMibPerSecond).toArray()),
                    Stats.median(mine.stream().mapToDouble(run -> Stats.mib(run.heapPeak())).toArray()),
                    Stats.median(mine.stream().mapToDouble(run -> Stats.mib(run.allocated())).toArray()));
        }

        List<String> row() {
            return List.of(client, Report.num(mibPerSecond, 1), Report.num(putMibPerSecond, 1),
                    Report.num(heapPeakMib, 1), Report.num(allocatedMib, 1));
        }
    }
}
