package io.camelinference.emulator.deepomatic;

import java.util.List;

/** A deterministic image model behind a recognition specification. */
interface ImageModel {

    /** The labels it knows, in label-id order. */
    List<String> labels();

    /** Whether its predictions carry boxes ({@code roi: BBOX}). */
    boolean detector();

    /** Scores the image; sorted by score, highest first. */
    List<Scored> run(Raster image);
}
