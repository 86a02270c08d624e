package io.camelinference.emulator;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.PeakRate;
import io.camelinference.emulator.spi.JobRegistry;
import io.camelinference.emulator.spi.NoticeLags;

/**
 * Calls per provider and route ({@code "METHOD /template"}) with the most of them received within any one second,
 * billed units and cost per provider, jobs per provider by state (derived from the job registry when read), and how
 * late after their end finished jobs were first answered finished to a status call.
 */
public final class EmulatorStats {

    private final Map<String, Map<String, LongAdder>> calls = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PeakRate>> peaks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> units = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> cost = new ConcurrentHashMap<>();
    /** Per provider: how often each billed subject (a digest of what was billed) was billed. */
    private final Map<String, Map<String, LongAdder>> subjects = new ConcurrentHashMap<>();
    private final JobRegistry jobs;

    EmulatorStats(JobRegistry jobs) {
        this.jobs = jobs;
    }

    void countCall(String provider, String routeKey) {
        calls.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(routeKey, r -> new LongAdder()).increment();
        peaks.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(routeKey, r -> new PeakRate()).hit();
    }

    void count(String provider, String what, long n) {
        counts.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(what, w -> new LongAdder()).add(n);
    }

    /** A provider's named count (see {@code EmulatorContext#count}), 0 when never counted. */
    public long count(String provider, String what) {
        Map<String, LongAdder> m = counts.get(provider);
        LongAdder a = m == null ? null : m.get(what);
        return a == null ? 0 : a.sum();
    }

    void bill(String provider, long billedUnits, BigDecimal billedCost, String subject) {
        units.computeIfAbsent(provider, p -> new AtomicLong()).addAndGet(billedUnits);
        cost.merge(provider, billedCost, BigDecimal::add);
        if (subject != null) {
            subjects.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(subject, s -> new LongAdder()).increment();
        }
    }

    void clear() {
        calls.clear();
        peaks.clear();
        counts.clear();
        units.clear();
        cost.clear();
        subjects.clear();
    }

    /**
     * Billings of a subject beyond its first: the same input (same text, same image, same document) paid for more than
     * once. What a chaos test calls "billed twice".
     */
    public long duplicateBilled(String provider) {
        Map<String, LongAdder> m = subjects.get(provider);
        return m == null ? 0 : m.values().stream().mapToLong(a -> Math.max(0, a.sum() - 1)).sum();
    }

    /** Distinct subjects billed at least once. */
    public long billedSubjects(String provider) {
        Map<String, LongAdder> m = subjects.get(provider);
        return m == null ? 0 : m.size();
    }

    /** Calls of one route, e.g. {@code calls("unitypredict", "POST /api/predict/{modelId}")}. */
    public long calls(String provider, String route) {
        Map<String, LongAdder> m = calls.get(provider);
        LongAdder a = m == null ? null : m.get(route);
        return a == null ? 0 : a.sum();
    }

    /** The most calls of one route the emulator received within any one second (a sliding window). */
    public long peakPerSecond(String provider, String route) {
        Map<String, PeakRate> m = peaks.get(provider);
        PeakRate p = m == null ? null : m.get(route);
        return p == null ? 0 : p.peak();
    }

    /** Calls per route of one provider. */
    public Map<String, Long> calls(String provider) {
        Map<String, Long> out = new TreeMap<>();
        Map<String, LongAdder> m = calls.get(provider);
        if (m != null) {
            m.forEach((k, v) -> out.put(k, v.sum()));
        }
        return out;
    }

    public long totalCalls(String provider) {
        Map<String, LongAdder> m = calls.get(provider);
        return m == null ? 0 : m.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long billedUnits(String provider) {
        AtomicLong a = units.get(provider);
        return a == null ? 0 : a.get();
    }

    public BigDecimal billedCost(String provider) {
        return cost.getOrDefault(provider, BigDecimal.ZERO);
    }

    /** Current number of jobs of the provider in a state, e.g. {@code jobs("unitypredict", "Completed")}. */
    public long jobs(String provider, String state) {
        return jobs.countByState(provider).getOrDefault(state, 0L);
    }

    /** Jobs per state of a provider. */
    public Map<String, Long> jobs(String provider) {
        return jobs.countByState(provider);
    }

    /** Providers that have any calls, billing or jobs. */
    public Set<String> providers() {
        Set<String> out = new TreeSet<>(calls.keySet());
        out.addAll(units.keySet());
        out.addAll(jobs.providers());
        return out;
    }

    /**
     * JSON: {@code {"providers":{"unitypredict":{"totalCalls":3,"calls":{"POST /api/predict/{modelId}":3},
     * "billedUnits":2,"billedCost":0.0002,"jobs":{"Completed":2}}}}}.
     */
    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        ObjectNode ps = root.putObject("providers");
        for (String p : providers()) {
            ObjectNode n = ps.putObject(p);
            n.put("totalCalls", totalCalls(p));
            ObjectNode c = n.putObject("calls");
            calls(p).forEach(c::put);
            ObjectNode peak = n.putObject("peakPerSecond");
            calls(p).keySet().forEach(route -> peak.put(route, peakPerSecond(p, route)));
            ObjectNode named = n.putObject("counts");
            Map<String, LongAdder> mine = counts.get(p);
            if (mine != null) {
                new TreeMap<>(mine).forEach((k, v) -> named.put(k, v.sum()));
            }
            n.put("billedUnits", billedUnits(p));
            n.put("billedCost", billedCost(p));
            n.put("billedSubjects", billedSubjects(p));
            n.put("duplicateBilled", duplicateBilled(p));
            ObjectNode j = n.putObject("jobs");
            jobs(p).forEach(j::put);
            NoticeLags lags = jobs.noticeLags(p);
            if (lags.count() > 0) {
                // how late after their end jobs were first answered finished to a status call
                ObjectNode lag = n.putObject("noticeLagMillis");
                lag.put("jobs", lags.count());
                double[] millis = lags.percentilesMillis(50, 95, 100);
                lag.put("p50", millis[0]);
                lag.put("p95", millis[1]);
                lag.put("max", millis[2]);
            }
        }
        return root;
    }

    @Override
    public String toString() {
        return Json.string(toJson());
    }
}
