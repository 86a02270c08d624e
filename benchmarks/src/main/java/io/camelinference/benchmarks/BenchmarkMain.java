package io.camelinference.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs the measurements against emulator processes and writes {@code results/<date>-<host>.md}. Scenarios about a heap
 * size run in a forked JVM with that heap ({@link Fork}): pending jobs at -Xmx512m, uploads at -Xmx64m.
 * <p>
 * {@code java -Xmx256m -jar benchmarks/target/benchmarks.jar [--name value ...]}; the options and their defaults are
 * {@link Settings#DEFAULTS}.
 */
public final class BenchmarkMain {

    static final int[] IN_FLIGHT = {16, 64, 256, 1024};
    /** The emulator's slow-model time for Deepomatic tasks (its default). */
    static final long QUICK_MODEL_MILLIS = 1500;
    static final String PENDING_HEAP = "512m";
    static final String UPLOAD_HEAP = "64m";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        if (!s.text("child").isEmpty()) {
            child(s);
            return;
        }
        long started = System.nanoTime();
        double loadAtStart = JvmProbe.systemLoadAverage();
        String host = InetAddress.getLocalHost().getHostName();
        ZonedDateTime now = ZonedDateTime.now();

        Report report = new Report();
        try (EmulatorProcess emulator = EmulatorProcess.start(s.number("slow-model-millis"));
             EmulatorProcess quick = EmulatorProcess.start(QUICK_MODEL_MILLIS)) {
            header(report, s, emulator, quick, host, now);
            if (s.scenarios().contains("throughput")) {
                System.out.println("1. throughput, heart-risk");
                ThroughputBenchmark throughput = new ThroughputBenchmark(emulator, s.integer("requests"),
                        s.integer("warmup"), s.integer("rounds"));
                List<ThroughputBenchmark.Level> levels = new ArrayList<>();
                for (int inFlight : IN_FLIGHT) {
                    levels.add(throughput.measure(inFlight, inFlight == IN_FLIGHT[0]));
                }
                throughput.report(report, levels);
            }
            if (s.scenarios().contains("pending")) {
                System.out.println("2. pending jobs, sentiment-slow (forked, -Xmx" + PENDING_HEAP + ")");
                report.append(Fork.run("pending", PENDING_HEAP, s, emulator));
            }
            if (s.scenarios().contains("deepomatic")) {
                System.out.println("3. deepomatic batched task checks");
                DeepomaticBatchBenchmark deepomatic = new DeepomaticBatchBenchmark(quick, s.integer("deepomatic-jobs"));
                deepomatic.measure();
                deepomatic.report(report, QUICK_MODEL_MILLIS);
            }
            if (s.scenarios().contains("commsmining")) {
                System.out.println("4. communications mining micro-batching");
                CommsMiningBatchBenchmark commsmining = new CommsMiningBatchBenchmark(quick,
                        s.integer("commsmining-documents"), 3);
                commsmining.measure();
                commsmining.report(report);
            }
            if (s.scenarios().contains("labelstudio")) {
                System.out.println("5. label studio ml-backend");
                LabelStudioBackendBenchmark labelstudio = new LabelStudioBackendBenchmark(s.integer("requests"),
                        s.integer("rounds"));
                labelstudio.measure();
                labelstudio.report(report);
            }
            if (s.scenarios().contains("upload")) {
                System.out.println("6. streaming uploads, text-summary (forked, -Xmx" + UPLOAD_HEAP + ")");
                report.append(Fork.run("upload", UPLOAD_HEAP, s, emulator));
            }
        }
        report.paragraph(String.format(Locale.ROOT, "System load average (1 min): %.2f at the start, %.2f at the end.",
                loadAtStart, JvmProbe.systemLoadAverage()));
        report.paragraph(String.format("Total run time: %.0f s.", (System.nanoTime() - started) / 1e9));

        Path file = report.writeTo(s.results().resolve(now.format(DateTimeFormatter.ISO_LOCAL_DATE) + "-" + host + ".md"));
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + file.toAbsolutePath());
    }

    /** A forked scenario: runs against the parent's emulator and writes its section where the parent said. */
    private static void child(Settings s) throws Exception {
        EmulatorProcess emulator = EmulatorProcess.attach(s.text("emulator"));
        Report section = new Report();
        switch (s.text("child")) {
            case "pending" -> {
                PendingJobsBenchmark pending = new PendingJobsBenchmark(emulator, s.number("slow-model-millis"),
                        s.integer("check-cap"));
                pending.measure(s.integer("pending-jobs"), s.integer("scale-jobs"));
                pending.report(section);
            }
            case "upload" -> {
                UploadBenchmark upload = new UploadBenchmark(emulator, s.number("upload-mib") << 20,
                        s.integer("uploads"), s.integer("upload-rounds"));
                upload.measure();
                upload.report(section);
            }
            default -> throw new IllegalArgumentException("no forked scenario " + s.text("child"));
        }
        section.writeTo(Paths.get(s.text("section")));
    }

    private static void header(Report r, Settings s, EmulatorProcess emulator, EmulatorProcess quick, String host,
                               ZonedDateTime now) {
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
                        + " MiB, JVM options `" + String.join(" ", runtime.getInputArguments()) + "`, GC " + gcs
                        + "; forked scenarios: pending jobs -Xmx" + PENDING_HEAP + ", uploads -Xmx" + UPLOAD_HEAP)
                .item("Emulators", emulator.version() + ", separate processes, default heap: pid " + emulator.pid()
                        + " (slow-model time " + s.number("slow-model-millis") + " ms; throughput, pending jobs,"
                        + " uploads) and pid " + quick.pid() + " (" + QUICK_MODEL_MILLIS + " ms; Deepomatic,"
                        + " Communications Mining)")
                .item("Emulator command", "`" + emulator.command() + "`")
                .item("Command", "`" + command + "`")
                .endList();
        r.paragraph("Ratios are component / raw HttpClient 5 async, same machine, same emulator, same run. For req/s and"
                + " MiB/s above 1.00x means the component is faster; for CPU, allocation and heap below 1.00x means it"
                + " uses less. CPU is the benchmark JVM's process CPU time (client side only: the emulator is another"
                + " process), including its GC and JIT threads.");
    }
}
