package io.camelinference.emulator.spi;

/** What an active {@code job} fault does to jobs created while it is active. */
public enum JobFault {
    /** The job ends in the provider's error state. */
    ERROR,
    /** The job never finishes. */
    NEVER;

    public static JobFault parse(String s) {
        if (s == null) {
            return null;
        }
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "error":
                return ERROR;
            case "never":
                return NEVER;
            default:
                throw new IllegalArgumentException("job fault must be \"error\" or \"never\", got \"" + s + "\"");
        }
    }

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
