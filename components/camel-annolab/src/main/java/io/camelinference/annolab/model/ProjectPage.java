package io.camelinference.annolab.model;

import java.util.List;

/** One page of the project list ({@code GET /v1/project/list}, the emulator's), with the link to the next. */
public record ProjectPage(List<AnnoLabProject> projects, String next) {
}
