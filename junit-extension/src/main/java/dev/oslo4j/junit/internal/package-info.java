/**
 * Plumbing of the JUnit extension (brokers and their per-test isolation, recording, decoding, matching, failure
 * texts). Not API: it changes without notice.
 */
package dev.oslo4j.junit.internal;
