package io.camelinference.deepomatic.operation;

import java.util.Map;

import io.camelinference.common.body.UploadSource;

/**
 * A network to create, as the binding read it: its text fields (objects already as JSON text, as the multipart
 * upload carries them) and its model files by part name.
 *
 * @param fields name, framework, preprocessing and the optional description, metadata and postprocessings
 * @param files  the model files, e.g. saved_model.pb and the mean file the preprocessing names
 */
public record NetworkUpload(Map<String, String> fields, Map<String, UploadSource> files) {
}
