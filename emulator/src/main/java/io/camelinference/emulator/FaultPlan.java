package io.camelinference.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelinference.emulator.internal.Json;
import io.camelinference.emulator.internal.PathGlob;
import io.camelinference.emulator.spi.JobFault;

/**
 * The active fault rules, in the order added. For each request the first applicable request rule wins (one rule per
 * request); job rules are consulted only when a request creates a job. A rule with a {@code count} expires after that
 * many applications. The random source for {@code rate} is seeded, so runs are repeatable.
 */
public final class FaultPlan {

    static final long SEED = 20240611L;

    private final List<Active> rules = new CopyOnWriteArrayList<>();
    private Random random = new Random(SEED);

    private static final class Active {
        final FaultRule rule;
        final PathGlob glob;
        final AtomicInteger remaining;

        Active(FaultRule rule) {
            this.rule = rule;
            this.glob = rule.path() == null ? null : new PathGlob(rule.path());
            this.remaining = rule.count() == null ? null : new AtomicInteger(rule.count());
        }

        boolean matches(String provider, String method, String path) {
            return (rule.provider() == null || rule.provider().equals(provider))
                    && (rule.method() == null || rule.method().equalsIgnoreCase(method))
                    && (glob == null || glob.matches(path));
        }

        boolean take() {
            if (remaining == null) {
                return true;
            }
            while (true) {
                int r = remaining.get();
                if (r <= 0) {
                    return false;
                }
                if (remaining.compareAndSet(r, r - 1)) {
                    return true;
                }
            }
        }

        boolean expired() {
            return remaining != null && remaining.get() <= 0;
        }
    }

    /** Adds rules at the end of the list. */
    public FaultPlan add(FaultRule... toAdd) {
        for (FaultRule r : toAdd) {
            rules.add(new Active(r));
        }
        return this;
    }

    public FaultPlan addAll(List<FaultRule> toAdd) {
        return add(toAdd.toArray(new FaultRule[0]));
    }

    /** Parses one rule object or an array of rules and adds them. Returns the rules added. */
    public List<FaultRule> addJson(JsonNode json) {
        List<FaultRule> parsed = parse(json);
        addAll(parsed);
        return parsed;
    }

    public static List<FaultRule> parse(JsonNode json) {
        List<FaultRule> parsed = new ArrayList<>();
        if (json != null && json.isArray()) {
            for (JsonNode n : json) {
                parsed.add(FaultRule.fromJson(n));
            }
        } else {
            parsed.add(FaultRule.fromJson(json));
        }
        return parsed;
    }

    /** Removes all rules and reseeds the random source. */
    public synchronized void clear() {
        rules.clear();
        random = new Random(SEED);
    }

    /** The rules still active (expired ones are dropped). */
    public List<FaultRule> rules() {
        rules.removeIf(Active::expired);
        List<FaultRule> out = new ArrayList<>();
        for (Active a : rules) {
            out.add(a.rule);
        }
        return out;
    }

    public boolean isEmpty() {
        return rules().isEmpty();
    }

    /** The rule to apply to this request, if any; consumes one use of it. Job rules are not considered. */
    public FaultRule matchRequest(String provider, String method, String path) {
        return match(provider, method, path, false);
    }

    /** The job fault for a job created by this request, if any; consumes one use of the job rule. */
    public JobFault matchJob(String provider, String method, String path) {
        FaultRule r = match(provider, method, path, true);
        return r == null ? null : r.job();
    }

    private FaultRule match(String provider, String method, String path, boolean jobRules) {
        for (Active a : rules) {
            if (a.rule.isJobRule() != jobRules || a.expired() || !a.matches(provider, method, path)) {
                continue;
            }
            if (a.rule.rate() != null && a.rule.rate() < 1.0 && !roll(a.rule.rate())) {
                continue;
            }
            if (a.take()) {
                if (a.expired()) {
                    rules.remove(a);
                }
                return a.rule;
            }
        }
        return null;
    }

    private synchronized boolean roll(double rate) {
        return random.nextDouble() < rate;
    }

    /** JSON array of the active rules, each with {@code remaining} when it has a count. */
    public ArrayNode toJson() {
        ArrayNode arr = Json.array();
        rules.removeIf(Active::expired);
        for (Active a : rules) {
            ObjectNode n = a.rule.toJson();
            if (a.remaining != null) {
                n.put("remaining", a.remaining.get());
            }
            arr.add(n);
        }
        return arr;
    }
}
