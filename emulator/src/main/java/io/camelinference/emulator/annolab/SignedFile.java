package io.camelinference.emulator.annolab;

/** The signed download link of a PDF source's file ({@code url} in {@code GET /v1/source/{id}}). */
record SignedFile(String token, String signature, Source source) {
}
