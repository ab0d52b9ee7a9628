package com.complaintcase.standalone;

import com.complaintcase.platform.security.SecurityProperties;
import com.complaintcase.standalone.store.EmbeddedPostgresServer;
import com.complaintcase.values.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Once the application is ready (after {@code --demo-data} has loaded), says where to go: the API, the OpenAPI UI,
 * the demo users and where the data lives, with the port it really listens on ({@code local.server.port}) and its
 * servlet context. A password other than the README's {@code demo} is never printed.
 */
@Component
class ReadyBanner {

    static final String README_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment environment;
    private final SecurityProperties security;
    private final Optional<EmbeddedPostgresServer> database;
    private final AtomicBoolean printed = new AtomicBoolean();

    ReadyBanner(Environment environment, SecurityProperties security, Optional<EmbeddedPostgresServer> database) {
        this.environment = environment;
        this.security = security;
        this.database = database;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (printed.compareAndSet(false, true)) {
            log.info("{}", String.join(System.lineSeparator(), lines()));
        }
    }

    List<String> lines() {
        String base = "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"))
                + trimmed(environment.getProperty("server.servlet.context-path", ""));
        String api = base + "/api";
        String users;
        String tryIt;
        if (security.getMode() == SecurityProperties.Mode.JWT) {
            users = "none: bearer tokens of the identity provider (complaints.security.mode=jwt)";
            tryIt = "";
        } else {
            boolean readmePassword = README_PASSWORD.equals(security.getDemoPassword());
            users = roles(security.getUsers()) + "; HTTP Basic, password "
                    + (readmePassword ? README_PASSWORD : "as set in complaints.security.demo-password");
            tryIt = "  (try: curl -u analyst1:" + (readmePassword ? README_PASSWORD : "<password>") + " " + api
                    + "/cases/open)";
        }
        Path data = Path.of(environment.getProperty("complaints.data-dir", "./data")).toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>(List.of(
                "Complaint case platform (standalone) is ready:",
                "  API         " + api + tryIt,
                "  OpenAPI UI  " + base + environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html")
                        + "  (description: " + base + environment.getProperty("springdoc.api-docs.path", "/v3/api-docs") + ")",
                "  Demo users  " + users,
                "  Data        " + data + "  (complaints.data-dir; stop the application and delete it to start afresh)"));
        database.ifPresent(server -> lines.add("  Database    PostgreSQL " + EmbeddedPostgresServer.MAJOR_VERSION
                + " (embedded) on localhost:" + server.port() + ", database " + server.database() + ", files in "
                + server.directory() + ", its log " + EmbeddedPostgresServer.serverLog(server.directory())));
        return lines;
    }

    private static String trimmed(String contextPath) {
        return contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
    }

    /** "intake1 (intake), handler1, handler2 (handler), ...": the users of each role, in the roles' order. */
    private static String roles(Map<String, Role> users) {
        Map<Role, List<String>> byRole = users.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .collect(Collectors.groupingBy(Map.Entry::getValue, TreeMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        return byRole.entrySet().stream()
                .map(role -> String.join(", ", role.getValue()) + " (" + role.getKey().name().toLowerCase(Locale.ROOT) + ")")
                .collect(Collectors.joining(", "));
    }
}
