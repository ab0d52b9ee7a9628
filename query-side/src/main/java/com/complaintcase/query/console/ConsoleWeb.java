package com.complaintcase.query.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web console: static pages under {@code /console} (classpath {@code static/console}), served with a strict
 * Content-Security-Policy (everything from this origin, no inline script or style, no framing; in jwt mode the
 * identity provider's origin too, for the token exchange), the chart library from its webjar, and the settings of
 * the sign-in at {@code /console/settings.json}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleWeb {

    static final String PATH = "/console";
    static final String CHART_LIBRARY = "/webjars/chart.js";
    private static final String ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    /** Sent by the console's own requests: a refused Basic sign-in then gets no browser password dialog. */
    static final String CONSOLE_REQUEST_HEADER = "X-Requested-With";

    @Bean
    WebMvcConfigurer consolePages() {
        return new WebMvcConfigurer() {
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController(PATH, PATH + "/");
                registry.addViewController(PATH + "/").setViewName("forward:" + PATH + "/index.html");
            }
        };
    }

    /** The identity provider the console signs in with: the configured one, else the resource server's issuer. */
    static String issuer(ConsoleProperties properties, Environment environment) {
        String configured = properties.oidc().issuer();
        return configured != null && !configured.isBlank() ? configured : environment.getProperty(ISSUER_PROPERTY, "");
    }

    static String contentSecurityPolicy(String issuer) {
        String connect = "'self'";
        if (!issuer.isBlank()) {
            URI uri = URI.create(issuer);
            connect += " " + uri.getScheme() + "://" + uri.getAuthority();
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src "
                + connect + "; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Bean
    RouterFunction<ServerResponse> consoleSettings(ConsoleProperties properties, Environment environment) {
        return RouterFunctions.route(RequestPredicates.GET(PATH + "/settings.json"), request -> {
            Map<String, Object> oidc = new LinkedHashMap<>();
            oidc.put("issuer", issuer(properties, environment));
            oidc.put("clientId", properties.oidc().clientId());
            oidc.put("scope", properties.oidc().scope());
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("oidc", oidc));
        });
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleContentSecurityPolicy(ConsoleProperties properties,
                                                                              Environment environment) {
        String policy = contentSecurityPolicy(issuer(properties, environment));
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", policy);
                response.setHeader("Referrer-Policy", "no-referrer");
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns(PATH, PATH + "/*", CHART_LIBRARY + "/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The console asks with {@code X-Requested-With: XMLHttpRequest}; a 401 to it keeps its problem body but not the
     * {@code WWW-Authenticate: Basic} challenge, which would make the browser open its own password dialog over the
     * console's sign-in form. A bearer challenge (jwt mode) is kept: browsers show no dialog for it.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleRequestsWithoutBasicChallenge() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"XMLHttpRequest".equals(request.getHeader(CONSOLE_REQUEST_HEADER))) {
                    chain.doFilter(request, response);
                    return;
                }
                chain.doFilter(request, new HttpServletResponseWrapper(response) {
                    @Override
                    public void setHeader(String name, String value) {
                        if (!isBasicChallenge(name, value)) {
                            super.setHeader(name, value);
                        }
                    }

                    @Override
                    public void addHeader(String name, String value) {
                        if (!isBasicChallenge(name, value)) {
                            super.addHeader(name, value);
                        }
                    }
                });
            }
        });
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static boolean isBasicChallenge(String name, String value) {
        return HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name) && value != null && value.regionMatches(true, 0, "Basic", 0, 5);
    }
}
