package io.camelinference.unitypredict;

import io.camelinference.common.console.InferenceDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/**
 * The unitypredict developer console (Camel Main: /q/dev/unitypredict with the dev console enabled): endpoints, the
 * predictions being waited for, totals per operation and the spend budget.
 */
@DevConsole(name = "unitypredict", group = "camel-inference", displayName = "UnityPredict",
            description = "Endpoints, pending jobs, totals and spend budgets of the UnityPredict component")
public class UnityPredictDevConsole extends InferenceDevConsole {

    public UnityPredictDevConsole() {
        super("unitypredict", "UnityPredict");
    }
}
