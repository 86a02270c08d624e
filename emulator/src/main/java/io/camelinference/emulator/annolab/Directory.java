package io.camelinference.emulator.annolab;

/** A directory of a project; sources are unique by name within one. */
record Directory(long id, String name) {
}
