package com.complaintcase.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals made before a request reaches Spring, answered as problems like every other refusal: Tomcat's own (a
 * path it cannot decode or normalise, such as {@code %2F} or {@code %00}; headers too large) through the host's
 * error report valve, and Spring Security's firewall ({@code ..;}, {@code %2e%2e}, {@code ;jsessionid}, {@code //}).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerRefusals {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response,
                org.springframework.http.HttpStatus.BAD_REQUEST, "MALFORMED_PATH", "Malformed path",
                "the request's path is not accepted (encoded or repeated separators, path parameters, dot segments)");
    }

    /** Tomcat's error report as a problem: the status's code and title, never the request or an exception's text. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        public ProblemErrorReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            RefusalsByStatus refusal = RefusalsByStatus.of(status);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", Problems.typeOf(refusal.code()).toString());
            body.put("title", refusal.title());
            body.put("status", status);
            body.put("detail", refusal.detail());
            body.put("code", refusal.code());
            try {
                byte[] bytes = JSON.writeValueAsBytes(body);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentLength(bytes.length);
                OutputStream out = response.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was already taken; nothing more can be said to it
            }
        }
    }
}
