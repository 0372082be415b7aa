package dev.oslo4j.adoption;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each installed library jar, read as the module system reads it: messaging-core is a named module exporting only
 * its API; embedded-broker and junit-extension stay automatic modules (Qpid Broker-J's jars cannot be modules, see
 * docs/rpc.md "Using oslo4j on the module path").
 */
class JarModulesTest {

    @Test
    void messagingCoreExportsOnlyItsApi() throws IOException {
        InstalledArtifacts.assertFreshlyInstalled();
        ModuleDescriptor d = descriptor("messaging-core");
        assertThat(d.isAutomatic()).isFalse();
        assertThat(d.name()).isEqualTo("dev.oslo4j.messaging");
        Map<String, Set<String>> exports = d.exports().stream()
                .collect(Collectors.toMap(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
        assertThat(exports).containsOnly(
                Map.entry("dev.oslo4j.messaging", Set.of()),
                Map.entry("dev.oslo4j.messaging.observe", Set.of()),
                Map.entry("dev.oslo4j.messaging.versionedobjects", Set.of()),
                Map.entry("dev.oslo4j.messaging.wire", Set.of("dev.oslo4j.junit")));
        assertThat(d.uses()).containsExactly("dev.oslo4j.messaging.driver.DriverFactory");
        assertThat(d.provides()).singleElement().satisfies(p -> assertThat(p.providers()).containsExactlyInAnyOrder(
                "dev.oslo4j.messaging.driver.rabbit.RabbitDriverFactory",
                "dev.oslo4j.messaging.driver.fake.FakeDriverFactory"));
        Set<String> optional = d.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(optional).containsExactlyInAnyOrder("com.fasterxml.jackson.dataformat.yaml",
                "org.apache.commons.compress", "micrometer.observation");
    }

    @Test
    void brokerAndJunitJarsAreAutomaticModulesWithStableNames() throws IOException {
        InstalledArtifacts.assertFreshlyInstalled();
        ModuleDescriptor d = descriptor("embedded-broker");
        assertThat(d.isAutomatic()).isTrue();
        assertThat(d.name()).isEqualTo("dev.oslo4j.broker");
        ModuleDescriptor junit = descriptor("junit-extension");
        assertThat(junit.isAutomatic()).isTrue();
        assertThat(junit.name()).isEqualTo("dev.oslo4j.junit");
    }

    private static ModuleDescriptor descriptor(String module) {
        Path jar = InstalledArtifacts.installed(module, module + "-" + ThrowawayProject.OSLO4J_VERSION + ".jar");
        return ModuleFinder.of(jar).findAll().iterator().next().descriptor();
    }
}
