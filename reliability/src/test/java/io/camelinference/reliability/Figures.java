package io.camelinference.reliability;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one chaos run of a pipeline came to.
 *
 * @param service        the service
 * @param scenario       what was done to it
 * @param inputs         files dropped into the inbox
 * @param delivered      distinct inputs with a result in the outbox
 * @param deadLettered   distinct inputs in the error folder, by the reason's exception class
 * @param lost           inputs neither delivered nor dead-lettered
 * @param duplicates     results written more than once for the same input
 * @param billed         units the service billed
 * @param duplicateBilled billings of an input beyond its first (the emulator's per-input count)
 * @param seconds        how long the run took
 */
record Figures(String service, String scenario, int inputs, int delivered, Map<String, Integer> deadLettered, int lost,
               int duplicates, long billed, long duplicateBilled, double seconds) {

    int deadLetteredTotal() {
        return deadLettered.values().stream().mapToInt(Integer::intValue).sum();
    }

    static String header() {
        return "| service | scenario | inputs | delivered | dead-lettered (reason) | lost | duplicates | billed"
                + " | billed twice | time |\n|---|---|---|---|---|---|---|---|---|---|";
    }

    String row() {
        return String.format("| %s | %s | %d | %d | %d %s | %d | %d | %d | %d | %.1f s |", service, scenario, inputs,
                delivered, deadLetteredTotal(), deadLettered.isEmpty() ? "" : new TreeMap<>(deadLettered), lost,
                duplicates, billed, duplicateBilled, seconds);
    }
}
