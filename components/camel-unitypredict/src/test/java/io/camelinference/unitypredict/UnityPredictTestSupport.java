package io.camelinference.unitypredict;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Runs routes against the in-process emulator. The component gets the emulator's base URL but no API key: the key
 * comes from the UNITYPREDICT_API_KEY environment variable surefire sets, which exercises the env fallback in every
 * test.
 */
abstract class UnityPredictTestSupport extends CamelTestSupport {

    static final String PREDICT = "POST /api/predict/{modelId}";
    static final String PREDICT_WITH_REQUEST = "POST /api/predict/{modelId}/{requestId}";
    static final String STATUS = "GET /api/predict/status/{requestId}";

    protected abstract EmulatorExtension emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        UnityPredictComponent component = new UnityPredictComponent();
        component.getConfiguration().setBaseUrl(emulator().baseUrl() + "/api");
        // keep test retries quick; the policy itself is what is under test, not its default delays
        component.getConfiguration().setRetryInitialDelay(50);
        component.getConfiguration().setPollMaxInterval(200);
        context.addComponent("unitypredict", component);
        context.getShutdownStrategy().setTimeout(2);
        return context;
    }

    void fault(FaultRule.Builder rule) {
        emulator().faults().add(rule.provider("unitypredict").build());
    }

    long calls(String route) {
        return emulator().stats().calls("unitypredict", route);
    }

    long billed() {
        return emulator().stats().billedUnits("unitypredict");
    }

    static Throwable failure(Exchange exchange) {
        return exchange.getException();
    }
}
