package io.camelinference.emulator.spi;

/** A provider's names for the three job phases, e.g. {@code Processing / Completed / Error}. */
public record JobStates(String processing, String completed, String error) {
}
