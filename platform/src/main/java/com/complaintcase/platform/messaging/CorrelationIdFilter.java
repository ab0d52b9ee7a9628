package com.complaintcase.platform.messaging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is well formed,
 * a new one otherwise. It is echoed in the response, logged, and carried by the commands and events
 * the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(AuditMetadata.CORRELATION_HEADER);
        String correlationId = offered != null && ACCEPTABLE.matcher(offered).matches()
                ? offered : RandomIdentifiers.next().toString();
        MDC.put(AuditMetadata.CORRELATION_ID, correlationId);
        response.setHeader(AuditMetadata.CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(AuditMetadata.CORRELATION_ID);
        }
    }
}
