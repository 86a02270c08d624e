package io.camelinference.emulator.annolab;

import java.util.List;

/** A model the emulated AnnoLab can run on a source's text. Deterministic: the same text gives the same spans. */
interface AnnoLabModel {

    /** Numeric id (models are addressed by id or by name). */
    long id();

    /** Unique name, e.g. {@code Entity Annotator}. */
    String name();

    /**
     * Annotates one source's text. Pages are separated by form feeds ({@code \f}), which is how PDF text is stored.
     *
     * @throws IllegalArgumentException when the model cannot run on this text; the job then ends {@code Errored}
     */
    List<Span> annotate(String text);
}
