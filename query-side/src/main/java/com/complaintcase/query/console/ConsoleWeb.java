package com.complaintcase.query.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;

/**
 * The web console: static pages under {@code /console} (classpath {@code static/console}), served with a strict
 * Content-Security-Policy (everything from this origin, no inline script or style, no framing), and the chart
 * library from its webjar.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb {

    static final String PATH = "/console";
    static final String CHART_LIBRARY = "/webjars/chart.js";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
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

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleContentSecurityPolicy() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
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
