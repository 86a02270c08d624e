package io.camelinference.emulator.annolab;

import java.util.Set;

/** A project export: what it selects (null sets mean everything); its zip is built on first demand. */
final class ExportRun {

    final long id;
    final Project project;
    final Set<Long> sourceIds;
    final Set<String> layerNames;
    final boolean includeSources;
    final boolean includeAnnotationTypes;
    final boolean includeTextBounds;
    volatile String downloadToken;

    ExportRun(long id, Project project, Set<Long> sourceIds, Set<String> layerNames, boolean includeSources,
              boolean includeAnnotationTypes, boolean includeTextBounds) {
        this.id = id;
        this.project = project;
        this.sourceIds = sourceIds;
        this.layerNames = layerNames;
        this.includeSources = includeSources;
        this.includeAnnotationTypes = includeAnnotationTypes;
        this.includeTextBounds = includeTextBounds;
    }
}
