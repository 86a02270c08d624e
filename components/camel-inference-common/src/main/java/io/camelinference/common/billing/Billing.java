package io.camelinference.common.billing;

import java.math.BigDecimal;
import java.util.concurrent.CancellationException;
import java.util.function.ToIntFunction;

import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceApiException;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.error.InferenceJobTimeoutException;
import io.camelinference.common.error.InferenceOutcomeUnknownException;
import io.camelinference.common.error.InferenceTransportException;

/**
 * What an operation's calls bill, in the service's {@link BillingUnit}: what a request will bill before it is sent
 * (the spend guard checks it against the budget) and what a finished call billed (the billed meter and the budget
 * count it). A component gives one to {@code bind(...)} for each billed operation; operations bound without one bill
 * nothing and are never refused by the spend guard.
 *
 * @param <I> the operation's request type
 * @param <O> the operation's result type
 */
public interface Billing<I, O> {

    /**
     * What the request will bill, or null when only the answer will say (the budget then refuses the call only once it
     * is used up).
     */
    default Expected expected(I request) {
        return null;
    }

    /** What the finished call billed. */
    Bill billed(I request, O result);

    /**
     * What a failed call billed: by default nothing, as a call that failed before the service took it is not billed.
     */
    default BigDecimal billedOnFailure(I request, Throwable error) {
        return BigDecimal.ZERO;
    }

    /**
     * Billing by the item: each item of the request (image, document, source) is billed one unit, known before the
     * call. A failed call counts its items when the service may have billed them: a job it accepted that then failed,
     * timed out or was stopped waiting for; an answer lost after the request was sent; a server error other than 503
     * (which says the request was not processed); an outcome that cannot be known. Counting such a call rather than
     * not keeps the budget on the safe side.
     */
    static <I, O> Billing<I, O> perItem(ToIntFunction<I> items) {
        return new Billing<>() {
            @Override
            public Expected expected(I request) {
                return Expected.exactly(items.applyAsInt(request));
            }

            @Override
            public Bill billed(I request, O result) {
                return Bill.of(items.applyAsInt(request));
            }

            @Override
            public BigDecimal billedOnFailure(I request, Throwable error) {
                return mayHaveBilled(error) ? BigDecimal.valueOf(items.applyAsInt(request)) : BigDecimal.ZERO;
            }
        };
    }

    /** Whether the service may have billed a call that failed this way (see {@link #perItem}). */
    static boolean mayHaveBilled(Throwable error) {
        Throwable cause = Failures.cause(error);
        if (cause instanceof InferenceApiException api) {
            return api.getStatusCode() >= 500 && api.getStatusCode() != 503;
        }
        return cause instanceof InferenceJobFailedException || cause instanceof InferenceJobTimeoutException
                || cause instanceof CancellationException || cause instanceof InferenceOutcomeUnknownException
                || (cause instanceof InferenceTransportException t && t.isMaybeReceived());
    }
}
