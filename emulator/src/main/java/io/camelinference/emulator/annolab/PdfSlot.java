package io.camelinference.emulator.annolab;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** A PDF announced by init-pdf; {@code file} exists once the signed URL received the upload. */
record PdfSlot(String token, String signature, Project project, Directory directory, String name, Path file,
               AtomicBoolean uploaded) {
}
