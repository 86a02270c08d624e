package io.camelinference.emulator;

import java.io.PrintStream;

import io.camelinference.emulator.internal.Json;

/**
 * The command line: {@code java -jar inference-emulator.jar [--port 8787] [--api-key emulator-key]
 * [--slow-model-millis 1500] [--threads 32] [--fault '{"status":429,"retryAfter":1,"count":1}']...}. Prints the base URL
 * on stdout (the first line, for scripts and the benchmarks) and runs until the JVM is stopped.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        InferenceEmulator.Builder b = InferenceEmulator.builder().port(InferenceEmulator.DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    b.port(Integer.parseInt(arg(args, ++i, a)));
                    break;
                case "--api-key":
                    b.apiKey(arg(args, ++i, a));
                    break;
                case "--slow-model-millis":
                    b.slowModelMillis(Long.parseLong(arg(args, ++i, a)));
                    break;
                case "--threads":
                    b.threads(Integer.parseInt(arg(args, ++i, a)));
                    break;
                case "--fault":
                    b.faults(FaultPlan.parse(Json.parseOrThrow(arg(args, ++i, a))));
                    break;
                case "-h":
                case "--help":
                    usage(System.out);
                    return;
                default:
                    System.err.println("unknown argument: " + a);
                    usage(System.err);
                    System.exit(2);
                    return;
            }
        }
        InferenceEmulator emu = b.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(emu::close, "inference-emulator-shutdown"));
        System.out.println(emu.baseUrl());
        System.out.flush();
        System.err.println("inference emulator: providers " + emu.providers() + ", api key '" + emu.apiKey()
                + "', control API " + emu.baseUrl() + "/_emulator/stats");
        Thread.currentThread().join();
    }

    private static String arg(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar inference-emulator.jar [--port N (default 8787, 0 = free port)]"
                + " [--api-key K (default emulator-key)] [--slow-model-millis MS (default 1500)]"
                + " [--threads N (default " + InferenceEmulator.DEFAULT_THREADS + ")] [--fault JSON]...");
    }
}
