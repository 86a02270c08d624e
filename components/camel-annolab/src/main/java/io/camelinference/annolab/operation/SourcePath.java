package io.camelinference.annolab.operation;

/** A source's path as the SDK's by-path calls take it: group, project name, directory name, source name. */
public record SourcePath(String group, String project, String directory, String name) {
}
