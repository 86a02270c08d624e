package io.camelinference.emulator.deepomatic;

/**
 * One label a model scored: its name, score, threshold and, for detectors, a box in relative coordinates
 * ({@code xmin, ymin, xmax, ymax}, origin top-left).
 */
record Scored(String label, double score, double threshold, double[] box) {

    boolean predicted() {
        return score >= threshold;
    }
}
