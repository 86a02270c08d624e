package io.camelinference.emulator.annolab;

/** An annotation layer of a project: inference jobs write into one, exports filter by them. */
record Layer(long id, String name) {
}
