package io.camelinference.labelstudio;

import io.camelinference.common.console.InferenceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The labelstudio developer console (Camel Main: /q/dev/labelstudio with the dev console enabled): endpoints, pending
 * jobs and totals per operation (Label Studio bills nothing, so it has no spend budget).
 */
@DevConsole(name = "labelstudio", group = "camel-inference", displayName = "Label Studio",
            description = "Endpoints, pending jobs and totals of the Label Studio component")
public class LabelStudioDevConsole extends InferenceDevConsole {

    public LabelStudioDevConsole() {
        super("labelstudio", "Label Studio");
    }
}
