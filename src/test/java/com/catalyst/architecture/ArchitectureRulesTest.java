package com.catalyst.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Rules of the code's shape, checked on the compiled classes. {@code processors/} holds the trading logic as plain Java:
 * it must run (and be tested) without Spring or Camel, so it imports neither; the Spring and Camel side lives in
 * {@code src/main/java} and {@code mcp-gateway/}. The two source folders compile into one output and share package
 * names (an adapter's plain half and its Spring half), so the rule selects processors' classes by their source files.
 */
class ArchitectureRulesTest {

    private static final Path PROCESSORS = project().resolve("processors/src/main/java");
    private static final Set<String> PROCESSOR_CLASSES = topLevelClasses(PROCESSORS);
    private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.catalyst");

    private static final DescribedPredicate<JavaClass> IN_PROCESSORS = DescribedPredicate.describe("are compiled from processors/",
            c -> PROCESSOR_CLASSES.contains(c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName()));

    @Test
    void theRuleSeesProcessorsClasses() {
        // a rule over nothing would pass whatever processors/ imported
        assertThat(PROCESSOR_CLASSES).contains("com.catalyst.risk.RiskManager", "com.catalyst.adapters.paper.PaperBroker");
        assertThat(MAIN.stream().filter(IN_PROCESSORS)).hasSizeGreaterThan(100);
    }

    @Test
    void processorsImportsNoSpringAndNoCamel() {
        noClasses().that(IN_PROCESSORS).should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .because("processors/ is the plain-Java core: it runs in a backtest worker or a unit test without a container")
                .check(MAIN);
    }

    @Test
    void theRuleCatchesAClassThatDoes() {
        // the same rule over a class of the Spring side fails: it can tell
        JavaClasses springSide = new ClassFileImporter().importClasses(com.catalyst.config.InRiskRange.Check.class,
                com.catalyst.adapters.alpaca.AlpacaMarketStreaming.class);
        DescribedPredicate<JavaClass> any = DescribedPredicate.describe("are any class", c -> true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().that(any).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.camel..").check(springSide)).isInstanceOf(AssertionError.class);
    }

    private static Set<String> topLevelClasses(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path project() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("processors"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
