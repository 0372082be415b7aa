package dev.oslo4j.conformance.reliability;

/**
 * An exception class whose static initializer leaves a mark: if a remote failure naming it ever made a client
 * load or instantiate it, {@link #FIRED_PROPERTY} would be set. Never referenced directly by the tests (that would
 * load it); they name it as text only.
 */
public final class Tripwire extends RuntimeException {

    static final String FIRED_PROPERTY = "oslo4j.conformance.tripwire.fired";

    static {
        System.setProperty(FIRED_PROPERTY, "true");
    }

    public Tripwire(String message) {
        super(message);
    }
}
