package io.camelinference.common.job;

/**
 * Lets a step store a state before it goes on: the claim before a billed call ("submitting request 42"), so that a
 * crash in the middle is resumed by asking the service about request 42 instead of paying for a second one.
 *
 * @param <S> the chain's state type
 */
@FunctionalInterface
public interface Checkpoint<S> {

    void save(S state);
}
