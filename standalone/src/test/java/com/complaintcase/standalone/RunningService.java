package com.complaintcase.standalone;

import com.complaintcase.command.CommandSideApplication;
import com.complaintcase.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One side started as its own service (production mode), exactly as its {@code main} starts it, on a random port
 * and the given PostgreSQL database; {@code extraArguments} add profiles or settings. Closing it and starting
 * another on the same database is a restart.
 */
final class RunningService implements AutoCloseable {

    /** The two services share one master key, as in docker-compose.yml: both read the personal data it guards. */
    private static final String TEST_MASTER_KEY = "kS3lYc1pJ1o3Wc2m8vQeXo0cT6bH2yN5aR7uL4dF9gE=";

    private final ConfigurableApplicationContext context;
    private final Api api;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        this.api = new Api(URI.create("http://localhost:" + port));
    }

    static RunningService commandSide(String jdbcUrl, List<String> extraArguments) {
        return start(CommandSideApplication.application(), jdbcUrl, extraArguments);
    }

    static RunningService querySide(String jdbcUrl, List<String> extraArguments) {
        return start(QuerySideApplication.application(), jdbcUrl, extraArguments);
    }

    private static RunningService start(SpringApplicationBuilder application, String jdbcUrl, List<String> extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--complaints.security.demo-password=" + Api.DEMO_PASSWORD,
                "--complaints.privacy.master-key=" + TEST_MASTER_KEY,
                "--spring.main.banner-mode=off",
                "--server.shutdown=immediate"));
        arguments.addAll(extraArguments);
        return new RunningService(application.run(arguments.toArray(String[]::new)));
    }

    Api api() {
        return api;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String property(String key) {
        return context.getEnvironment().getProperty(key);
    }

    @Override
    public void close() {
        context.close();
    }
}
