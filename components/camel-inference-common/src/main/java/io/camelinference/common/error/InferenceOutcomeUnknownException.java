package io.camelinference.common.error;

/**
 * A billed or job-creating call was sent before and its answer was lost (a crash, a dropped connection, a server
 * error), and the service offers no way to find what it created except by the id that answer would have carried. So
 * whether it was created, and billed, is unknown; the component does not send it again blindly. Redeliveries of the
 * same message are refused the same way until its stored state expires (jobStateTtl); the message says how to submit
 * again on purpose (a new job key).
 */
public class InferenceOutcomeUnknownException extends InferenceException {

    private final String subject;

    /**
     * @param subject what was submitted, e.g. an image's name or a list of source ids
     */
    public InferenceOutcomeUnknownException(String provider, String subject, String message) {
        this(provider, subject, message, null);
    }

    /**
     * @param cause how the answer was lost (a dropped connection, a server error, an unreadable answer), already masked
     */
    public InferenceOutcomeUnknownException(String provider, String subject, String message, Throwable cause) {
        super(provider, message, cause);
        this.subject = subject;
    }

    /** What was submitted with an unknown outcome. */
    public String getSubject() {
        return subject;
    }
}
