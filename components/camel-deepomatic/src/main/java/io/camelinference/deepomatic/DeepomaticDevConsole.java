package io.camelinference.deepomatic;

import io.camelinference.common.console.InferenceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The deepomatic developer console (Camel Main: /q/dev/deepomatic with the dev console enabled): endpoints, the tasks
 * being waited for, totals per operation and the spend budget.
 */
@DevConsole(name = "deepomatic", group = "camel-inference", displayName = "Deepomatic",
            description = "Endpoints, pending jobs, totals and spend budgets of the Deepomatic component")
public class DeepomaticDevConsole extends InferenceDevConsole {

    public DeepomaticDevConsole() {
        super("deepomatic", "Deepomatic");
    }
}
