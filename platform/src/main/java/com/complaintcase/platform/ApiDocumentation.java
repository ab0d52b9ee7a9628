package com.complaintcase.platform;

import com.complaintcase.platform.problem.docs.ProblemDocumentation;
import com.complaintcase.platform.security.SecurityProperties;
import com.complaintcase.values.Actor;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    static {
        // the acting user comes from the authenticated principal, never from the request
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI complaintCaseApi(SecurityProperties security) {
        boolean jwt = security.getMode() == SecurityProperties.Mode.JWT;
        String scheme = jwt ? "bearer" : "basic";
        SecurityScheme authentication = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(scheme);
        if (jwt) {
            authentication.bearerFormat("JWT");
        }
        return new OpenAPI()
                .info(new Info()
                        .title("Complaint case platform API")
                        .version("1")
                        .description("Bank customer-complaint handling: commands under /api/complaints, "
                                + "case views and analytics under /api/cases and /api/metrics. "
                                + "Errors are RFC 9457 problem details (application/problem+json) with a stable code; every "
                                + "operation lists, per status, the codes it can answer with."))
                .components(new Components().addSecuritySchemes(scheme, authentication)
                        .addSchemas(ProblemDocumentation.PROBLEM, ProblemDocumentation.problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(scheme));
    }
}
