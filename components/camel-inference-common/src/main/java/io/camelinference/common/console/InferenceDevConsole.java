package io.camelinference.common.console;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.metrics.OperationTotals;
import io.camelinference.common.poll.PendingJob;
import io.camelinference.common.spend.SpendBudget;
import io.camelinference.common.spend.SpendText;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * A component's developer console (Camel's DevConsole SPI, as text and JSON): its endpoints, the jobs its producers are
 * waiting for (id, state, age, checks so far), its totals per operation (requests, failures by kind, retries, billed)
 * and its spend budgets. Each component declares one subclass annotated {@code @DevConsole(name = "<scheme>")}, which
 * Camel discovers; endpoint URIs are shown with their secrets masked.
 */
public abstract class InferenceDevConsole extends AbstractDevConsole {

    private final String scheme;

    protected InferenceDevConsole(String scheme, String title) {
        super("camel-inference", scheme, title, "Endpoints, pending jobs, totals and spend budgets of the " + title
                + " component");
        this.scheme = scheme;
    }

    private InferenceComponentSupport component() {
        Component c = getCamelContext().hasComponent(scheme);
        return c instanceof InferenceComponentSupport inference ? inference : null;
    }

    private List<String> endpoints(InferenceComponentSupport component) {
        return getCamelContext().getEndpoints().stream().filter(e -> e.getComponent() == component)
                .map(Endpoint::getEndpointUri).map(URISupport::sanitizeUri).sorted().toList();
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        InferenceComponentSupport component = component();
        StringBuilder out = new StringBuilder(getDisplayName()).append(" (").append(scheme).append(")\n");
        if (component == null) {
            return out.append("    not used in this CamelContext\n").toString();
        }
        List<String> endpoints = endpoints(component);
        out.append("Endpoints (").append(endpoints.size()).append("):\n");
        endpoints.forEach(uri -> out.append("    ").append(uri).append('\n'));
        Map<String, List<PendingJob>> pending = component.metrics().pendingJobs();
        out.append("Pending jobs (").append(pending.values().stream().mapToInt(List::size).sum()).append("):\n");
        pending.forEach((operation, jobs) -> jobs.forEach(job -> out.append("    ").append(operation).append("  ")
                .append(job.id()).append("  ").append(job.state()).append("  age ")
                .append(job.age().toMillis()).append(" ms  ").append(job.checks()).append(" checks\n")));
        out.append("Totals:\n");
        component.metrics().totals().forEach((operation, t) -> out.append("    ").append(operation)
                .append("  requests ").append(t.requests()).append(", failures ").append(t.failures())
                .append(t.failuresByKind().isEmpty() ? "" : " " + t.failuresByKind()).append(", retries ")
                .append(t.retries()).append(", billed ").append(billed(t)).append('\n'));
        out.append("Spend budgets:\n");
        for (SpendBudget b : component.spendBudgets().all()) {
            out.append("    ").append(b.id()).append("  spent ").append(SpendText.amount(b.spent())).append(" of ")
                    .append(SpendText.amount(b.limit())).append(' ').append(b.unit().label()).append(" per ")
                    .append(SpendText.period(b.period())).append(", reserved ").append(SpendText.amount(b.reserved()))
                    .append(", period ").append(b.periodStart()).append(" to ").append(b.periodEnd()).append('\n');
        }
        return out.toString();
    }

    private static String billed(OperationTotals.Totals t) {
        if (t.billed().isEmpty()) {
            return "nothing";
        }
        return t.billed().entrySet().stream().map(e -> SpendText.amount(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("scheme", scheme);
        root.put("title", getDisplayName());
        InferenceComponentSupport component = component();
        if (component == null) {
            return root;
        }
        root.put("endpoints", new JsonArray(endpoints(component)));
        JsonArray pending = new JsonArray();
        component.metrics().pendingJobs().forEach((operation, jobs) -> jobs.forEach(job -> {
            JsonObject j = new JsonObject();
            j.put("operation", operation);
            j.put("id", job.id());
            j.put("state", job.state());
            j.put("ageMillis", job.age().toMillis());
            j.put("checks", job.checks());
            pending.add(j);
        }));
        root.put("pendingJobs", pending);
        JsonObject totals = new JsonObject();
        component.metrics().totals().forEach((operation, t) -> {
            JsonObject o = new JsonObject();
            o.put("requests", t.requests());
            o.put("failures", t.failures());
            o.put("failuresByKind", new JsonObject(Map.copyOf(t.failuresByKind())));
            o.put("retries", t.retries());
            JsonObject billed = new JsonObject();
            t.billed().forEach((unit, amount) -> billed.put(unit, amount.doubleValue()));
            o.put("billed", billed);
            totals.put(operation, o);
        });
        root.put("totals", totals);
        JsonArray budgets = new JsonArray();
        for (SpendBudget b : component.spendBudgets().all()) {
            JsonObject o = new JsonObject();
            o.put("id", b.id());
            o.put("unit", b.unit().label());
            o.put("limit", number(b.limit()));
            o.put("spent", number(b.spent()));
            o.put("reserved", number(b.reserved()));
            o.put("period", SpendText.period(b.period()));
            o.put("periodStart", b.periodStart().toString());
            o.put("periodEnd", b.periodEnd().toString());
            budgets.add(o);
        }
        root.put("spendBudgets", budgets);
        return root;
    }

    private static double number(BigDecimal amount) {
        return amount.doubleValue();
    }
}
