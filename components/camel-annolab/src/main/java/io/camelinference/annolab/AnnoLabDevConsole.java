package io.camelinference.annolab;

import io.camelinference.common.console.InferenceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The annolab developer console (Camel Main: /q/dev/annolab with the dev console enabled): endpoints, pending jobs,
 * totals per operation and spend budgets.
 */
@DevConsole(name = "annolab", group = "camel-inference", displayName = "AnnoLab",
            description = "Endpoints, pending jobs, totals and spend budgets of the AnnoLab component")
public class AnnoLabDevConsole extends InferenceDevConsole {

    public AnnoLabDevConsole() {
        super("annolab", "AnnoLab");
    }
}
