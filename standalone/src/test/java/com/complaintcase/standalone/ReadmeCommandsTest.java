package com.complaintcase.standalone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's production instructions (section "Production mode", building and running the executable jars by
 * hand) say what the build and the services really are: the jars it runs are the ones the command-side and
 * query-side poms produce (their {@code finalName} and the Spring Boot plugin's {@code classifier}), on the ports
 * of the services' configuration, and every environment variable it sets or lists binds to a key both services
 * declare. A README drift fails the build here; that the commands work is {@link SeparateServicesOnPostgresEndToEndTest}'s
 * part, and the standalone run command and walk-through run in CI ({@code .ci/readme-commands.sh}).
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> SERVICES = List.of("command-side", "query-side");
    private static final Pattern EXPORTED = Pattern.compile("([A-Z][A-Z0-9_]+)=");
    private static final Pattern TABLE_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)(?:=[^`]*)?`");

    private final String production = section(read(ROOT.resolve("README.md")), "Production mode");

    @Test
    void the_production_section_runs_the_exec_jars_the_build_produces_on_the_services_ports() {
        for (String service : SERVICES) {
            String pom = read(ROOT.resolve(service).resolve("pom.xml"));
            String finalName = only(pom, "<finalName>([^<]+)</finalName>");
            String plugin = only(pom, "(?s)<artifactId>spring-boot-maven-plugin</artifactId>(.*?)</plugin>");
            String classifier = only(plugin, "<classifier>([^<]+)</classifier>");
            String execJar = service + "/target/" + finalName + "-" + classifier + ".jar";
            String libraryJar = service + "/target/" + finalName + ".jar";

            String runLine = production.lines().filter(line -> line.startsWith("java -jar " + service + "/"))
                    .reduce((first, second) -> first + "\n" + second).orElse("");
            assertThat(runLine).as("the README's java -jar line of %s", service)
                    .startsWith("java -jar " + execJar + " ")
                    .contains("http://localhost:" + DockerComposeConsistencyTest.serverPort(service));
            assertThat(production).as("the README names the jars of %s", service)
                    .contains("# jars: ").contains(execJar).contains(libraryJar);
        }
        assertThat(production).contains("./mvnw -B -q package -DskipTests");
    }

    @Test
    void every_environment_variable_of_the_production_section_binds_to_a_key_both_services_declare() {
        Set<String> variables = new LinkedHashSet<>();
        production.lines().filter(line -> line.startsWith("export ")).forEach(line -> {
            Matcher exported = EXPORTED.matcher(line);
            while (exported.find()) {
                variables.add(exported.group(1));
            }
        });
        String settings = production.substring(production.indexOf("| setting | environment variable | default |"));
        settings.lines().takeWhile(line -> line.startsWith("|")).skip(2).forEach(row -> {
            Matcher named = TABLE_VARIABLE.matcher(row.split("\\|")[2]);
            while (named.find()) {
                variables.add(named.group(1));
            }
        });
        assertThat(variables).contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "COMPLAINTS_SECURITY_DEMO_PASSWORD", "COMPLAINTS_PRIVACY_MASTER_KEY", "SPRING_PROFILES_ACTIVE",
                "AXON_AXONSERVER_SERVERS", "SERVER_PORT");
        for (String service : SERVICES) {
            Set<String> bindable = DockerComposeConsistencyTest.bindableVariables(service);
            assertThat(variables).as("the README's variables bind to keys %s declares", service)
                    .allSatisfy(variable -> assertThat(bindable).as("%s binds in %s", variable, service).contains(variable));
        }
    }

    /** From the heading {@code ## title} to the next heading of that level. */
    static String section(String readme, String title) {
        int start = readme.indexOf("\n## " + title + "\n");
        assertThat(start).as("README.md has a section ## %s", title).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start + 1, end < 0 ? readme.length() : end);
    }

    private static String only(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in the pom", regex).isTrue();
        String value = matcher.group(1).trim();
        assertThat(matcher.find()).as("one %s in the pom", regex).isFalse();
        return value;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(path.toAbsolutePath().toString(), e);
        }
    }
}
