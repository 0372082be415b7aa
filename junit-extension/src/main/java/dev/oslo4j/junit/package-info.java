/**
 * Hermetic oslo.messaging contract tests for JUnit 5: {@link dev.oslo4j.junit.OsloBroker} (the extension),
 * {@link dev.oslo4j.junit.OsloBus} (a test's recorded broker view: assertions, stubs, faults),
 * {@link dev.oslo4j.junit.OsloBrokerConfig} and {@link dev.oslo4j.junit.OsloUrl}. The records
 * ({@link dev.oslo4j.junit.RecordedMessage} and its kinds) are for custom AssertJ checks. Guide: docs/junit.md.
 */
package dev.oslo4j.junit;
