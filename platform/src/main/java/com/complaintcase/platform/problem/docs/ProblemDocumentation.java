package com.complaintcase.platform.problem.docs;

import com.complaintcase.platform.problem.Problems;
import com.complaintcase.platform.problem.RefusalsByStatus;
import com.complaintcase.platform.security.SecurityProperties;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every operation of the OpenAPI description documents the refusals it can give, as {@code application/problem+json}
 * with the shared {@value #PROBLEM} schema: one response per status, whose description and {@code x-problem-codes}
 * list the codes, with an example per code. The refusals common to every request are listed here; those of an
 * endpoint are read from its code ({@link RefusalScan}, with each side's {@link RefusalRules}).
 */
@Configuration(proxyBeanMethods = false)
public class ProblemDocumentation {

    public static final String PROBLEM = "Problem";
    public static final String CODES_EXTENSION = "x-problem-codes";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    /** Only code of this project's packages is read. */
    private static final String PROJECT_PACKAGE = "com.complaintcase";
    private static final Logger log = LoggerFactory.getLogger(ProblemDocumentation.class);

    /** The shared problem-details schema (RFC 9457 with the contract's {@code code} and {@code errors}). */
    public static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the field, parameter or header at fault"));
        fieldError.addProperty("message", new StringSchema().description("what is wrong with it"));
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("A refusal, as RFC 9457 problem details; `code` is the stable reason to act on");
        problem.addProperty("type", new StringSchema().format("uri").description("urn:complaintcase:problem:<code>"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().format("int32"));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty("code", new StringSchema().description("the stable, machine-readable reason"));
        problem.addProperty("errors", new ArraySchema().items(fieldError)
                .description("the invalid fields, with VALIDATION_FAILED"));
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    @Bean
    GlobalOperationCustomizer documentedRefusals(ApplicationContext context, SecurityProperties security,
                                                 List<RefusalRules> rules,
                                                 ObjectProvider<RequestMappingHandlerMapping> mappings) {
        Refusals refusals = new Refusals(context, security, rules, mappings);
        return (operation, handler) -> {
            refusals.document(operation, handler);
            return operation;
        };
    }

    /** A default, so that the list of rules is never empty. */
    @Bean
    RefusalRules platformRefusalRules() {
        return new RefusalRules() {
        };
    }

    private static final class Refusals {
        private final ApplicationContext context;
        private final boolean jwt;
        private final List<RefusalRules> rules;
        private final ObjectProvider<RequestMappingHandlerMapping> mappings;
        private RefusalScan scan;
        private Map<Method, Set<String>> patterns;

        Refusals(ApplicationContext context, SecurityProperties security, List<RefusalRules> rules,
                 ObjectProvider<RequestMappingHandlerMapping> mappings) {
            this.context = context;
            this.jwt = security.getMode() == SecurityProperties.Mode.JWT;
            this.rules = rules;
            this.mappings = mappings;
        }

        synchronized void document(Operation operation, HandlerMethod handler) {
            Set<DocumentedRefusal> refusals = new TreeSet<>(common(operation.getRequestBody() != null));
            try {
                refusals.addAll(scan().of(handler.getMethod()));
            } catch (RuntimeException e) {
                log.warn("Could not read the refusals of {}; only the common ones are documented", handler, e);
            }
            Set<String> paths = patterns().getOrDefault(handler.getMethod(), Set.of());
            rules.forEach(rule -> refusals.addAll(rule.refusalsBefore(paths, handler)));
            Map<Integer, List<String>> byStatus = new TreeMap<>();
            refusals.forEach(refusal -> byStatus.computeIfAbsent(refusal.status(), key -> new ArrayList<>()).add(refusal.code()));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            byStatus.forEach((status, codes) -> responses.addApiResponse(String.valueOf(status), response(status, codes)));
            operation.setResponses(responses);
        }

        private List<DocumentedRefusal> common(boolean hasBody) {
            List<DocumentedRefusal> common = new ArrayList<>(List.of(
                    of(RefusalsByStatus.BAD_REQUEST), new DocumentedRefusal(400, "MALFORMED_PATH"),
                    new DocumentedRefusal(400, "VALIDATION_FAILED"),
                    of(RefusalsByStatus.UNAUTHORIZED),
                    of(RefusalsByStatus.FORBIDDEN), new DocumentedRefusal(403, "NO_ACTING_ROLE"),
                    of(RefusalsByStatus.METHOD_NOT_ALLOWED), of(RefusalsByStatus.NOT_ACCEPTABLE),
                    of(RefusalsByStatus.INTERNAL_ERROR),
                    of(RefusalsByStatus.SERVICE_UNAVAILABLE), new DocumentedRefusal(503, "SERVER_BUSY")));
            if (jwt) {
                common.add(new DocumentedRefusal(401, "INVALID_TOKEN"));
            }
            if (hasBody) {
                common.add(of(RefusalsByStatus.PAYLOAD_TOO_LARGE));
                common.add(of(RefusalsByStatus.UNSUPPORTED_MEDIA_TYPE));
            }
            return common;
        }

        private static DocumentedRefusal of(RefusalsByStatus refusal) {
            return new DocumentedRefusal(refusal.status(), refusal.code());
        }

        private static ApiResponse response(int status, List<String> codes) {
            String reason = reason(status);
            MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
            Map<String, Example> examples = new LinkedHashMap<>();
            for (String code : codes) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("type", Problems.typeOf(code).toString());
                value.put("title", reason);
                value.put("status", status);
                value.put("detail", reason);
                value.put("code", code);
                examples.put(code, new Example().summary(code).value(value));
            }
            problem.setExamples(examples);
            ApiResponse response = new ApiResponse()
                    .description(reason + ": a problem with code " + String.join(", ", codes))
                    .content(new Content().addMediaType(PROBLEM_JSON, problem));
            response.addExtension(CODES_EXTENSION, List.copyOf(codes));
            return response;
        }

        private static String reason(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? "Refused" : known.getReasonPhrase();
        }

        private RefusalScan scan() {
            if (scan == null) {
                RefusalScan built = new RefusalScan(PROJECT_PACKAGE, context.getClassLoader(), rules);
                for (String name : context.getBeanNamesForAnnotation(ControllerAdvice.class)) {
                    exceptionHandlers(built, context.getType(name));
                }
                for (String name : context.getBeanNamesForAnnotation(Controller.class)) {
                    exceptionHandlers(built, context.getType(name));
                }
                scan = built;
            }
            return scan;
        }

        @SuppressWarnings("unchecked")
        private static void exceptionHandlers(RefusalScan scan, Class<?> type) {
            if (type == null) {
                return;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            if (!user.getName().startsWith(PROJECT_PACKAGE + ".")) {
                return;
            }
            for (Method method : user.getDeclaredMethods()) {
                ExceptionHandler handler = AnnotatedElementUtils.findMergedAnnotation(method, ExceptionHandler.class);
                if (handler == null) {
                    continue;
                }
                List<Class<? extends Throwable>> answered = new ArrayList<>(Arrays.asList(handler.value()));
                if (answered.isEmpty()) {
                    Arrays.stream(method.getParameterTypes()).filter(Throwable.class::isAssignableFrom)
                            .forEach(parameter -> answered.add((Class<? extends Throwable>) parameter));
                }
                answered.forEach(exception -> scan.answeredBy(exception, method));
            }
        }

        private Map<Method, Set<String>> patterns() {
            if (patterns == null) {
                Map<Method, Set<String>> found = new HashMap<>();
                mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().forEach((info, method) ->
                        found.computeIfAbsent(method.getMethod(), key -> new TreeSet<>()).addAll(info.getPatternValues())));
                patterns = found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            }
            return patterns;
        }
    }
}
