/**
 * What oslo4j's own tests share, so that each module's tests do not write it again: {@link
 * dev.oslo4j.testsupport.Requirements} (RabbitMQ and Python: skip with one line saying why, or fail when
 * {@code OSLO4J_REQUIRE_RABBITMQ=1} / {@code OSLO4J_REQUIRE_PYTHON=1}, as CI's {@code .ci/run} sets), {@link
 * dev.oslo4j.testsupport.Await} (deadline-bounded polling), {@link dev.oslo4j.testsupport.Rabbitmqctl}, {@link
 * dev.oslo4j.testsupport.TestCertificates} (a throwaway CA) and {@link dev.oslo4j.testsupport.PythonProcess} (Python
 * peer processes that never outlive the JVM).
 *
 * <p>It depends on nothing of oslo4j, so that messaging-core's and embedded-broker's tests can use it.
 */
package dev.oslo4j.testsupport;
