package com.catalyst.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The types that run SQL: a class that calls one of these touches the database's tables itself. */
    private static final Set<String> SQL_TYPES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate", "org.springframework.jdbc.core.simple.JdbcClient",
            "java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.ResultSet");

    /**
     * Classes that talk to the database as a server, not to a table of the record: the start-up wait and the health
     * probe (a connection, the schema's version), the market stream's lease (a session advisory lock). They stay.
     */
    private static final Set<String> SQL_FOR_THE_SERVER = Set.of(
            "com.catalyst.config.DatabaseStartupWait",
            "com.catalyst.health.DependencyProbe",
            "com.catalyst.adapters.alpaca.StreamLease");

    /**
     * Issue 14, point 4: every table has one owner, a {@code @Repository} that holds its SQL; only the classes above talk
     * to the database otherwise. A class that starts to run SQL itself fails this: put the statement in the repository
     * of the table it touches (docs/architecture.md, *Data*, lists them) and call that.
     */
    @Test
    void onlyRepositoriesRunSql() {
        Set<String> touching = MAIN.stream()
                .filter(ArchitectureRulesTest::runsSql)
                .filter(c -> !c.isAnnotatedWith(org.springframework.stereotype.Repository.class))
                .filter(c -> !SQL_FOR_THE_SERVER.contains(c.getName()))
                .map(c -> c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(touching).as("classes running SQL outside a @Repository (put the SQL in the table's repository)").isEmpty();
        // and the rule sees the repositories that do, and the server's classes it lets through
        assertThat(runsSql(MAIN.get(com.catalyst.workflow.CycleRepository.class))).isTrue();
        assertThat(SQL_FOR_THE_SERVER).allSatisfy(name -> assertThat(runsSql(MAIN.get(name))).as(name).isTrue());
    }

    /** Whether the class calls a method of a type that runs SQL (wiring one into a bean, as configuration does, is not running it). */
    private static boolean runsSql(JavaClass c) {
        return c.getMethodCallsFromSelf().stream().anyMatch(call -> SQL_TYPES.contains(call.getTargetOwner().getName()));
    }

    @Test
    void routeFilesLeaveSqlToRepositories() throws IOException {
        java.util.Map<String, Long> endpoints = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(project().resolve("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                long count = java.util.regex.Pattern.compile("[\"' ]sql:").matcher(Files.readString(file)).results().count();
                if (count > 0) {
                    endpoints.put(file.getFileName().toString(), count);
                }
            }
        }
        // and none in the routes written in Java (the gateway's tools, the bundles' Java routes)
        for (String root : List.of("src/main/java", "mcp-gateway/src/main/java", "processors/src/main/java")) {
            try (Stream<Path> files = Files.walk(project().resolve(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    long count = java.util.regex.Pattern.compile("\"sql:").matcher(Files.readString(file)).results().count();
                    if (count > 0) {
                        endpoints.put(project().relativize(file).toString(), count);
                    }
                }
            }
        }
        // none: every table's SQL is in its repository, which the routes call as a bean
        assertThat(endpoints).as("sql: endpoints per route file (the table's repository owns its SQL; the routes call it as a bean)").isEmpty();
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
