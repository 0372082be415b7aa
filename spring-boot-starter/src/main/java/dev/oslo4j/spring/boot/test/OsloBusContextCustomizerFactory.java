package dev.oslo4j.spring.boot.test;

import dev.oslo4j.junit.OsloBusSession;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/** Applies {@link AutoConfigureOsloBus}: opens the context's {@link OsloBusSession} and points oslo4j at it. */
public class OsloBusContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return AnnotatedElementUtils.hasAnnotation(testClass, AutoConfigureOsloBus.class) ? new Customizer() : null;
    }

    /** All instances are equal: the annotation has no attributes, so it does not split Spring's context cache. */
    private static final class Customizer implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            OsloBusSession session = OsloBusSession.open(config.getTestClass().getSimpleName());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("oslo4j-test-bus",
                    Map.of("oslo4j.transport-url", session.transportUrl())));
            context.getBeanFactory().registerSingleton("oslo4jTestBus", session.bus());
            // registered before any application bean, so destroyed after them all (the transport, the servers)
            ((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("oslo4jTestBusSession", session::close);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
