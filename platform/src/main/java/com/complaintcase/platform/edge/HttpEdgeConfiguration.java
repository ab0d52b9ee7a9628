package com.complaintcase.platform.edge;

import com.complaintcase.platform.problem.ProblemResponses;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edge against abusive clients: the body stall timeout and the undrained refusals on Tomcat, and the cap on
 * requests reading a body, after Spring Security (an unauthenticated request is refused before it counts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpEdgeProperties.class)
public class HttpEdgeConfiguration {

    /** After Spring Security's filter chain (order -100). */
    static final int BODY_READ_LIMIT_ORDER = 0;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bodyReadTimeouts(HttpEdgeProperties properties) {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) properties.getBodyReadTimeout().toMillis());
                }
            });
            factory.addContextValves(new UnreadBodies.UndrainedRefusalValve());
        };
    }

    @Bean
    FilterRegistrationBean<BodyReadLimitFilter> bodyReadLimit(HttpEdgeProperties properties,
                                                              ProblemResponses problems) {
        FilterRegistrationBean<BodyReadLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyReadLimitFilter(properties, problems));
        registration.setOrder(BODY_READ_LIMIT_ORDER);
        return registration;
    }
}
