package com.complaintcase.standalone;

import com.complaintcase.command.CommandSideApplication;
import com.complaintcase.platform.deployment.ServiceLauncher;
import com.complaintcase.query.QuerySideApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} says what the services' own configuration says: every environment variable given to a
 * service binds (Spring's relaxed binding, {@code SPRING_DATASOURCE_URL} to {@code spring.datasource.url}) to a key
 * the service declares (its configuration files, its {@code @ConfigurationProperties}, or the metadata of Spring Boot
 * and Axon), every profile it activates has a configuration file, its published port is its {@code server.port}, its
 * health check asks that port for readiness, and every image is pinned.
 */
class DockerComposeConsistencyTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    /** The compose services built from this repository, and the configuration name each one reads. */
    static final Map<String, String> SERVICES = Map.of(
            "command-side", CommandSideApplication.CONFIG_NAME,
            "query-side", QuerySideApplication.CONFIG_NAME);

    private static final Map<String, String> SCANNED_PACKAGES = Map.of(
            "command-side", "com.complaintcase.command",
            "query-side", "com.complaintcase.query");

    private final Map<String, Object> compose = readCompose();

    @Test
    void every_environment_variable_of_a_service_binds_to_a_key_the_service_declares() {
        SERVICES.keySet().forEach(service -> {
            Set<String> bindable = bindableVariables(service);
            assertThat(environment(service).keySet()).as("environment of %s", service)
                    .isNotEmpty()
                    .allSatisfy(variable -> assertThat(bindable).as("%s of %s binds to a declared key", variable, service)
                            .contains(variable));
        });
    }

    /** Maven's reactor reads every module's pom: the image build must have each module, its sources or its pom. */
    @Test
    void the_image_build_copies_every_module_of_the_build() throws IOException {
        String rootPom = Files.readString(Path.of("..", "pom.xml"));
        String dockerfile = Files.readString(Path.of("..", "deploy", "docker", "Dockerfile"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        List<String> missing = new ArrayList<>();
        while (modules.find()) {
            String module = modules.group(1);
            if (!dockerfile.contains("COPY " + module + "/ " + module + "/")
                    && !dockerfile.contains("COPY " + module + "/pom.xml " + module + "/pom.xml")) {
                missing.add(module);
            }
        }
        assertThat(missing).as("modules deploy/docker/Dockerfile does not copy").isEmpty();
    }

    @Test
    void every_profile_a_service_activates_has_a_configuration_file() {
        SERVICES.forEach((service, configName) -> {
            Set<String> files = configurationFiles(configName).keySet();
            String profiles = environment(service).get("SPRING_PROFILES_ACTIVE");
            assertThat(profiles).as("profiles of %s", service).isNotBlank();
            for (String profile : profiles.split(",")) {
                assertThat(files).as("configuration of profile %s of %s", profile.trim(), service)
                        .containsAnyOf(ServiceLauncher.SHARED_CONFIG + "-" + profile.trim() + ".yml",
                                configName + "-" + profile.trim() + ".yml");
            }
        });
    }

    @Test
    void a_service_publishes_its_server_port_and_its_health_check_asks_that_port_for_readiness() {
        SERVICES.forEach((service, configName) -> {
            String port = serverPort(service);
            assertThat(environment(service).getOrDefault("SERVER_PORT", port)).as("SERVER_PORT of %s", service).isEqualTo(port);
            assertThat(strings(service(service).get("ports"))).as("ports of %s", service).containsExactly(port + ":" + port);
            assertThat(String.join(" ", strings(map(service(service).get("healthcheck")).get("test"))))
                    .as("health check of %s", service)
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
            Map<String, Object> shared = flatten("", configurationFiles(configName).get(ServiceLauncher.SHARED_CONFIG + ".yml"));
            assertThat(shared.get("management.endpoint.health.probes.enabled")).isEqualTo(true);
        });
    }

    @Test
    void services_start_after_what_they_depend_on_is_healthy_and_every_image_is_pinned() {
        Map<String, Object> services = map(compose.get("services"));
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            String image = String.valueOf(service.get("image"));
            assertThat(image).as("image of %s", name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
            assertThat(service).as("%s has a health check", name).containsKey("healthcheck");
            if (service.containsKey("depends_on")) {
                map(service.get("depends_on")).forEach((dependency, condition) ->
                        assertThat(map(condition).get("condition")).as("%s waits for %s", name, dependency)
                                .isEqualTo("service_healthy"));
            }
        });
        SERVICES.keySet().forEach(service -> assertThat(map(map(service(service).get("build")).get("args")).get("SERVICE"))
                .as("the module %s is built from", service).isEqualTo(service.replace("-side", "")));
    }

    /**
     * The environment variables that bind to a key the service ({@code command-side} or {@code query-side}) declares:
     * its configuration files, its and the platform's {@code @ConfigurationProperties}, Spring Boot's and Axon's
     * metadata.
     */
    static Set<String> bindableVariables(String service) {
        Set<String> declared = new HashSet<>(metadataKeys());
        configurationFiles(SERVICES.get(service)).values().forEach(file -> declared.addAll(flatten("", file).keySet()));
        declared.addAll(configurationPropertiesKeys("com.complaintcase.platform"));
        declared.addAll(configurationPropertiesKeys(SCANNED_PACKAGES.get(service)));
        Set<String> bindable = new HashSet<>();
        declared.forEach(key -> bindable.addAll(asEnvironmentVariables(key)));
        return bindable;
    }

    /** The {@code server.port} of the service's own configuration file. */
    static String serverPort(String service) {
        String configName = SERVICES.get(service);
        return String.valueOf(flatten("", configurationFiles(configName).get(configName + ".yml")).get("server.port"));
    }

    private Map<String, Object> service(String name) {
        return map(map(compose.get("services")).get(name));
    }

    private Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service(service).get("environment")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    /** The configuration files a service reads (every profile's), by file name, as parsed YAML. */
    private static Map<String, Map<String, Object>> configurationFiles(String configName) {
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String name : List.of(ServiceLauncher.SHARED_CONFIG, configName)) {
            try {
                for (Resource resource : resolver.getResources("classpath*:" + name + "*.yml")) {
                    String filename = resource.getFilename();
                    if (filename != null && (filename.equals(name + ".yml") || filename.startsWith(name + "-"))) {
                        try (InputStream in = resource.getInputStream()) {
                            files.put(filename, new Yaml().load(in));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Every property Spring Boot and Axon document (their configuration metadata on the classpath). */
    private static Set<String> metadataKeys() {
        Set<String> keys = new HashSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : List.of("classpath*:META-INF/spring-configuration-metadata.json",
                    "classpath*:META-INF/additional-spring-configuration-metadata.json")) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        JsonNode metadata = JsonBody.JSON.readTree(in);
                        metadata.path("properties").forEach(property -> keys.add(property.path("name").asText()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(keys).as("Spring Boot's metadata is on the classpath").contains("spring.datasource.url", "server.port");
        return keys;
    }

    /** The keys of this project's {@code @ConfigurationProperties} classes in {@code basePackage}: prefix and field, kebab case. */
    private static Set<String> configurationPropertiesKeys(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> keys = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        keys.add(prefix + "." + field.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    /**
     * The environment variables that bind to {@code key}: upper case, dots to underscores, and dashes dropped
     * (the canonical form) or made underscores (the legacy form Spring Boot also accepts).
     */
    private static List<String> asEnvironmentVariables(String key) {
        String upper = key.replace(".", "_").toUpperCase(Locale.ROOT);
        return List.of(upper.replace("-", ""), upper.replace("-", "_"));
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> yaml) {
        Map<String, Object> flat = new LinkedHashMap<>();
        yaml.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flat.putAll(flatten(path, map(value)));
            } else {
                flat.put(path, value);
            }
        });
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    private static List<String> strings(Object yaml) {
        assertThat(yaml).isInstanceOf(List.class);
        return ((List<?>) yaml).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> readCompose() {
        try (InputStream in = Files.newInputStream(COMPOSE_FILE)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the compose file " + COMPOSE_FILE.toAbsolutePath(), e);
        }
    }
}
