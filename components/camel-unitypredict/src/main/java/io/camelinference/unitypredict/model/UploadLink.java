package io.camelinference.unitypredict.model;

/** Where to PUT an input file, and the name to give the input variable afterwards. */
public record UploadLink(String uploadLink, String fileName) {
}
