package dev.oslo4j.messaging.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/wire-protocol.md stays the one protocol reference: every section a source comment cites exists, and no source
 * file or document points at the specification that lives outside the repository.
 */
class WireProtocolDocTest {

    private static final Path ROOT = Path.of("..");
    private static final Path DOC = ROOT.resolve("docs/wire-protocol.md");

    /** {@code docs/wire-protocol.md §4.1–4.4, §5.5}: the run of section numbers after the file name. */
    private static final Pattern CITATION =
            Pattern.compile("docs/wire-protocol\\.md((?:[ ,]*§\\d+(?:\\.\\d+)?(?:[–-]\\d+(?:\\.\\d+)?)?)+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ");

    /** Written in two pieces so this file does not match itself. */
    private static final String EXTERNAL_CITATION = "spec " + "§";
    private static final String EXTERNAL_FILE = "oslo-wire-" + "protocol.md";

    @Test
    void everyCitedSectionIsAHeadingOfTheDocument() throws IOException {
        Set<String> headings = headings();
        List<String> dangling = new ArrayList<>();
        int citations = 0;
        for (Path file : sources()) {
            Matcher m = CITATION.matcher(read(file));
            while (m.find()) {
                citations++;
                Matcher n = NUMBER.matcher(m.group(1));
                while (n.find()) {
                    if (!headings.contains(n.group())) {
                        dangling.add(ROOT.relativize(file) + " cites §" + n.group());
                    }
                }
            }
        }
        assertThat(citations).as("source comments cite docs/wire-protocol.md").isPositive();
        assertThat(dangling).as("citations of sections docs/wire-protocol.md does not have (its sections: %s)",
                headings).isEmpty();
    }

    @Test
    void nothingCitesTheSpecificationOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String text = read(file);
            if (text.contains(EXTERNAL_CITATION) || text.contains(EXTERNAL_FILE)) {
                offenders.add(ROOT.relativize(file).toString());
            }
        }
        for (Path doc : documents()) {
            if (read(doc).contains(EXTERNAL_CITATION) || read(doc).contains(EXTERNAL_FILE)) {
                offenders.add(ROOT.relativize(doc).toString());
            }
        }
        assertThat(offenders).as("files citing the external oslo spec instead of docs/wire-protocol.md").isEmpty();
    }

    @Test
    void everySectionNamesItsProofOrSaysItHasNone() throws IOException {
        String[] sections = read(DOC).split("(?m)^### ");
        List<String> unproven = new ArrayList<>();
        for (int i = 1; i < sections.length; i++) {
            String s = sections[i];
            if (!s.contains("Proof:") && !s.contains("no test") && !s.contains("not yet")) {
                unproven.add(s.lines().findFirst().orElse(""));
            }
        }
        assertThat(unproven).as("sections naming no test class").isEmpty();
    }

    private static Set<String> headings() throws IOException {
        Set<String> headings = new TreeSet<>();
        Matcher m = HEADING.matcher(read(DOC));
        while (m.find()) {
            headings.add(m.group(1));
        }
        assertThat(headings).as("numbered sections of %s", DOC).contains("1.1", "4.2", "9.8");
        return headings;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(WireProtocolDocTest::inTheRepository)
                    .toList();
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        return docs;
    }

    private static boolean inTheRepository(Path p) {
        for (Path part : ROOT.relativize(p)) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
