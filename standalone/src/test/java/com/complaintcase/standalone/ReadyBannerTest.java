package com.complaintcase.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.complaintcase.platform.security.SecurityProperties;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines a real start prints once it is ready: where to go, on the port and context it really has. */
@ExtendWith(OutputCaptureExtension.class)
class ReadyBannerTest {

    @TempDir
    Path dataDir;

    @Test
    void a_ready_application_says_once_where_its_api_ui_users_and_data_are(CapturedOutput output) {
        try (RunningApplication app = RunningApplication.start(dataDir, "--server.servlet.context-path=/cc")) {
            String base = app.api().base() + "/cc";
            assertThat(app.api().base().getPort()).isNotEqualTo(8080);
            String printed = output.getOut();
            assertThat(printed.split("Complaint case platform \\(standalone\\) is ready:", -1)).hasSize(2);
            assertThat(printed).contains(
                    "  API         " + base + "/api  (try: curl -u analyst1:<password> " + base + "/api/cases/open)",
                    "  OpenAPI UI  " + base + "/swagger-ui.html  (description: " + base + "/v3/api-docs)",
                    "  Demo users  intake1 (intake), handler1, handler2 (handler), supervisor1, supervisor2 (supervisor),"
                            + " compliance1 (compliance), regulator1 (regulator), analyst1 (analyst);"
                            + " HTTP Basic, password as set in complaints.security.demo-password",
                    "  Data        " + dataDir.toAbsolutePath().normalize() + "  (complaints.data-dir;",
                    "  Database    PostgreSQL 17 (embedded) on localhost:",
                    ", database complaints, files in " + dataDir.toAbsolutePath().normalize().resolve("postgres")
                            + ", its log " + dataDir.toAbsolutePath().normalize().resolve("postgres.log"));
            assertThat(printed).doesNotContain(Api.DEMO_PASSWORD);
            assertThat(app.api().as("analyst1").get("/cc/api/cases/open").status()).as("the API where it says").isEqualTo(200);
        }
    }

    @Test
    void with_the_readmes_password_the_banner_names_it_and_a_command_to_try() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("local.server.port", "8080")
                .withProperty("complaints.data-dir", "./data");
        SecurityProperties security = new SecurityProperties();
        security.setDemoPassword("demo");
        List<String> lines = new ReadyBanner(environment, security, Optional.empty()).lines();
        assertThat(lines.get(1)).isEqualTo(
                "  API         http://localhost:8080/api  (try: curl -u analyst1:demo http://localhost:8080/api/cases/open)");
        assertThat(lines.get(2)).isEqualTo(
                "  OpenAPI UI  http://localhost:8080/swagger-ui.html  (description: http://localhost:8080/v3/api-docs)");
        assertThat(lines.get(3)).endsWith("; HTTP Basic, password demo");
        assertThat(lines.get(4)).startsWith("  Data        " + Path.of("data").toAbsolutePath() + "  (");
    }
}
