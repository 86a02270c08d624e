package io.camelinference.common.state;

import org.apache.camel.Exchange;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Remembers which job a message started, in a Camel {@link StateRepository}, so that when the same message comes back
 * after a restart (a file the file consumer picks up again, a redelivered JMS message) the component resumes waiting
 * for that job instead of submitting a second, billed one.
 * <p>
 * A message is recognised by an explicit job-key header, or, for files, by path, size and modification time.
 * Messages with neither are not remembered.
 */
public final class PendingJobs {

    private final StateRepository<String, String> repository;
    private final String keyHeader;

    public PendingJobs(StateRepository<String, String> repository, String keyHeader) {
        this.repository = repository != null ? repository : new MemoryStateRepository();
        this.keyHeader = keyHeader;
    }

    public StateRepository<String, String> repository() {
        return repository;
    }

    /** The key of this message, or null when it has none. */
    public String keyOf(Exchange exchange, String scope) {
        String explicit = exchange.getMessage().getHeader(keyHeader, String.class);
        if (explicit != null && !explicit.isBlank()) {
            return scope + "|" + explicit;
        }
        String path = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (path == null) {
            return null;
        }
        return scope + "|file:" + path + "|" + exchange.getMessage().getHeader(Exchange.FILE_LENGTH, String.class)
                + "|" + exchange.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, String.class);
    }

    /** The job started earlier for this key, or null. */
    public String find(String key) {
        String jobId = key == null ? null : repository.getState(key);
        return jobId == null || jobId.isEmpty() ? null : jobId;
    }

    public void remember(String key, String jobId) {
        if (key != null && jobId != null) {
            repository.setState(key, jobId);
        }
    }

    public void forget(String key) {
        if (key != null) {
            // StateRepository has no remove; an empty value reads as "no job"
            repository.setState(key, "");
        }
    }
}
