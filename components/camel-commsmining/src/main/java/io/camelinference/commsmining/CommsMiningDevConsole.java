package io.camelinference.commsmining;

import io.camelinference.common.console.InferenceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The commsmining developer console (Camel Main: /q/dev/commsmining with the dev console enabled): endpoints, totals
 * per operation and the spend budget.
 */
@DevConsole(name = "commsmining", group = "camel-inference", displayName = "Communications Mining",
            description = "Endpoints, pending jobs, totals and spend budgets of the Communications Mining component")
public class CommsMiningDevConsole extends InferenceDevConsole {

    public CommsMiningDevConsole() {
        super("commsmining", "Communications Mining");
    }
}
