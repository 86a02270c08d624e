package io.camelinference.annolab.operation;

/**
 * Where the sources live and what runs on them, after header overrides.
 *
 * @param group     the group the project belongs to
 * @param project   the project's id or name
 * @param model     the model's id or name (infer), else null
 * @param layer     the output layer's id or name (required by infer; a filter of export), or null
 * @param directory the directory new sources go to (id or name), or null for the project's default
 */
public record Target(String group, String project, String model, String layer, String directory) {

    /** Whether the layer is given by name (an export can filter on names only). */
    public boolean layerIsName() {
        return layer != null && !layer.isBlank() && !layer.strip().matches("\\d+");
    }
}
