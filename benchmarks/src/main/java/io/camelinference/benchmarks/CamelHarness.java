package io.camelinference.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.camelinference.unitypredict.UnityPredictComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/** A plain CamelContext with the {@code unitypredict} component pointed at the emulator; producers are driven directly. */
final class CamelHarness implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final List<AsyncProducer> producers = new ArrayList<>();

    CamelHarness(String emulatorBaseUrl) {
        UnityPredictComponent component = new UnityPredictComponent();
        component.getConfiguration().setBaseUrl(emulatorBaseUrl + "/api");
        component.getConfiguration().setApiKey(EmulatorProcess.API_KEY);
        context.addComponent("unitypredict", component);
        context.start();
    }

    /** Adds another component (configured by the caller) under its scheme. */
    CamelHarness with(String scheme, Component component) {
        context.addComponent(scheme, component);
        return this;
    }

    CamelContext context() {
        return context;
    }

    /** A started producer of the endpoint; stopped with the harness. */
    AsyncProducer producer(String uri) throws Exception {
        AsyncProducer producer = context.getEndpoint(uri).createAsyncProducer();
        producer.start();
        producers.add(producer);
        return producer;
    }

    Exchange exchange(Object body) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        return exchange;
    }

    @Override
    public void close() {
        producers.forEach(AsyncProducer::stop);
        context.stop();
    }
}
