package dev.oslo4j.messaging.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.oslo4j.messaging.MessagingException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of messaging-core, top calls down, never up:
 *
 * <pre>
 * API runtime   dev.oslo4j.messaging: Transport, MessagingOptions, RpcClient, RpcServer, Notifier,
 *               NotificationListener and their package-private helpers
 *   ├─ dispatch     endpoint binding and oslo's dispatch rules
 *   ├─ notify       the notifier drivers (messagingv2, messaging, log, noop, test, routing)
 * API model     dev.oslo4j.messaging: what callers and endpoints exchange — Target, RequestContext, Priority,
 *               Notification*, endpoint contracts, annotations, exceptions
 * driver        the SPI: Driver, DriverFactory (found through ServiceLoader, per URL scheme)
 *   └─ drivers      driver.rabbit, driver.fake: implement the SPI, nobody imports them
 * wire          pure codecs; knows nothing above it
 * </pre>
 *
 * <p>Runtime and model share the public package {@code dev.oslo4j.messaging}: splitting it would move public
 * types and break every user's imports, so the two layers are told apart by class here, and the cycle check runs
 * on those layers rather than on Java packages.
 *
 * <p>The one deliberate exception to "drivers know only the SPI": a driver may throw the API's exception types
 * ({@link MessagingException} and its subclasses: {@code MessagingTimeout}, {@code MessageDeliveryFailure},
 * {@code BrokerConnectionError}, {@code InvalidConfiguration}, …), as oslo's drivers raise
 * {@code oslo_messaging.exceptions}: they are what the application catches, and translating them at the boundary
 * would only copy them. Nothing else of the API.
 */
class LayeringTest {

    private static final String ROOT = "dev.oslo4j.messaging";

    /** The API classes that run things (nested classes such as builders belong to their outer class). */
    private static final Set<String> RUNTIME = Set.of("Transport", "MessagingOptions", "OptionCatalog", "Drivers",
            "RpcClient", "RpcServer", "Notifier", "NotificationListener", "NotificationProcessing",
            "NotificationBatcher", "ServerLifecycle", "EndpointThreads", "OsloConfig", "OsloConfigReader", "OsloConfigSchema");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final DescribedPredicate<JavaClass> API_RUNTIME =
            DescribedPredicate.describe("API runtime", c -> c.getPackageName().equals(ROOT) && RUNTIME.contains(topLevel(c)));

    private static final DescribedPredicate<JavaClass> API_MODEL =
            DescribedPredicate.describe("API model", c -> c.getPackageName().equals(ROOT) && !RUNTIME.contains(topLevel(c)));

    private static String topLevel(JavaClass c) {
        String simple = c.getName().substring(ROOT.length() + 1);
        int dollar = simple.indexOf('$');
        return dollar < 0 ? simple : simple.substring(0, dollar);
    }

    @Test
    void layersCallDownOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("API runtime").definedBy(API_RUNTIME)
                .layer("dispatch").definedBy(ROOT + ".dispatch..")
                .layer("notify").definedBy(ROOT + ".notify..")
                .layer("API model").definedBy(API_MODEL)
                .layer("driver SPI").definedBy(ROOT + ".driver")
                .layer("drivers").definedBy(ROOT + ".driver.rabbit..", ROOT + ".driver.fake..")
                .layer("wire").definedBy(ROOT + ".wire..")
                .whereLayer("API runtime").mayNotBeAccessedByAnyLayer()
                .whereLayer("dispatch").mayOnlyBeAccessedByLayers("API runtime")
                .whereLayer("notify").mayOnlyBeAccessedByLayers("API runtime")
                .whereLayer("drivers").mayNotBeAccessedByAnyLayer()
                .whereLayer("dispatch").mayOnlyAccessLayers("API model", "wire")
                .whereLayer("notify").mayOnlyAccessLayers("API model", "driver SPI", "wire")
                .whereLayer("API model").mayOnlyAccessLayers("driver SPI", "wire")
                .whereLayer("driver SPI").mayOnlyAccessLayers("wire")
                .whereLayer("wire").mayNotAccessAnyLayer()
                // Lower layers may throw the API's exceptions (as drivers do): wire reports a missing optional
                // dependency (commons-compress for bz2) as MissingDependency.
                .ignoreDependency(resideInAPackage(ROOT + ".wire.."), assignableTo(MessagingException.class))
                .check(CLASSES);
    }

    @Test
    void driversUseOnlyTheSpiTheWireAndTheApisExceptions() {
        noClasses().that().resideInAnyPackage(ROOT + ".driver.rabbit..", ROOT + ".driver.fake..")
                .should().dependOnClassesThat(resideInAPackage(ROOT)
                        .and(DescribedPredicate.not(assignableTo(MessagingException.class))))
                .orShould().dependOnClassesThat(resideInAnyPackage(ROOT + ".dispatch..", ROOT + ".notify.."))
                .because("a driver implements the SPI; of the API it may only throw its exceptions")
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".driver.fake..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + ".driver.rabbit.."))
                .orShould().dependOnClassesThat(resideInAPackage("com.rabbitmq.."))
                .because("drivers are independent of each other")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(ROOT + ".driver.rabbit..")
                .should().dependOnClassesThat(resideInAPackage("com.rabbitmq.."))
                .because("driver.rabbit is the only code that knows AMQP")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenLayersAndPackages() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                if (!c.getPackageName().startsWith(ROOT)) {
                    return SliceIdentifier.ignore();
                }
                if (c.getPackageName().equals(ROOT)) {
                    return SliceIdentifier.of(API_RUNTIME.test(c) ? "API runtime" : "API model");
                }
                return SliceIdentifier.of(c.getPackageName().substring(ROOT.length() + 1));
            }

            @Override
            public String getDescription() {
                return "API runtime, API model and the packages below dev.oslo4j.messaging";
            }
        }).should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage(ROOT + ".wire.."), assignableTo(MessagingException.class))
                .check(CLASSES);
    }
}
