package io.camelinference.common.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options every inference component has: where the service is and its key (declared by each component), how much
 * it may spend, and through its layers the transport and retries ({@link TransportConfiguration}) and job waiting and
 * where pending jobs are remembered ({@link JobConfiguration}). A component's own configuration extends this class,
 * declares its credential and base URL options and adds its service's options. The layers are one object, so the
 * component's configuration is copied into each endpoint whole. Descriptions are given in the annotations because
 * the metadata generator of a component module cannot read this module's Javadoc.
 */
@UriParams
public abstract class InferenceConfiguration extends JobConfiguration {

    @UriParam(label = "producer", javaType = "java.lang.Double",
              description = "Most the component may spend per spendPeriod, in the unit the service bills: UnityPredict"
                            + " compute cost in USD (as computeCost reports it), Communications Mining AI units (one per"
                            + " predicted document or comment), Deepomatic inferences (one per image), AnnoLab model"
                            + " runs (one per source); Label Studio bills nothing and takes no limit. A billed call that would take"
                            + " the budget past it fails before anything is sent, with a SpendLimitExceededException"
                            + " naming the budget, what was spent and what the call would add. Set on the component,"
                            + " one budget is shared by its endpoints; an endpoint that sets other values has its own."
                            + " What was spent is kept in the job store (jobStore, jobStoreFile or stateRepository), so"
                            + " it survives a restart. Not set: no limit; 0 refuses every billed call.")
    private Double spendLimit;

    @UriParam(label = "producer", defaultValue = "86400000", javaType = "java.time.Duration",
              description = "How long a spend budget lasts before it starts again from zero. Periods are fixed windows"
                            + " aligned to the Unix epoch in UTC, not rolling ones: 24h runs from midnight to midnight"
                            + " UTC, 1h from the full hour, 7d from Thursday midnight UTC.")
    private long spendPeriod = 86_400_000;

    /**
     * The service's credential. Each component declares the option itself (secret, with a description naming its own
     * environment variable), because the catalog takes an option's description from the class that declares it.
     */
    public abstract String getApiKey();

    public abstract void setApiKey(String apiKey);

    /**
     * The service's API root. Each component declares the option itself, like the key, so that the catalog lists the
     * component's own production address as the default (an option's default and description come from the class
     * that declares it).
     */
    public abstract String getBaseUrl();

    public abstract void setBaseUrl(String baseUrl);

    public Double getSpendLimit() {
        return spendLimit;
    }

    public void setSpendLimit(Double spendLimit) {
        this.spendLimit = spendLimit;
    }

    public long getSpendPeriod() {
        return spendPeriod;
    }

    public void setSpendPeriod(long spendPeriod) {
        this.spendPeriod = spendPeriod;
    }

    /** A shallow copy: the component's configuration is copied into each endpoint it creates. */
    @SuppressWarnings("unchecked")
    public <C extends InferenceConfiguration> C copy() {
        try {
            return (C) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
