package com.workerrolewizard.core.account;

import java.util.Objects;
import java.util.function.Function;

/**
 * A fact about a role that was either read, or could not be read for a stated reason (the operator
 * lacks a permission, the input does not hold it). Checks turn an unknown fact into {@code UNKNOWN}.
 */
public final class Known<T> {
    private final T value;
    private final String unknownBecause;

    private Known(T value, String unknownBecause) {
        this.value = value;
        this.unknownBecause = unknownBecause;
    }

    public static <T> Known<T> of(T value) {
        return new Known<>(Objects.requireNonNull(value), null);
    }

    /** @param because a sentence naming what could not be read and what would let it be read */
    public static <T> Known<T> unknown(String because) {
        return new Known<>(null, Objects.requireNonNull(because));
    }

    public boolean isKnown() {
        return unknownBecause == null;
    }

    public T value() {
        if (!isKnown()) {
            throw new IllegalStateException("Not known: " + unknownBecause);
        }
        return value;
    }

    public String unknownBecause() {
        return unknownBecause;
    }

    public <R> Known<R> map(Function<T, R> mapper) {
        return isKnown() ? Known.of(mapper.apply(value)) : Known.unknown(unknownBecause);
    }

    @Override
    public String toString() {
        return isKnown() ? String.valueOf(value) : "unknown (" + unknownBecause + ")";
    }
}
