package com.complaintcase.platform.returns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The regulatory-return mappings both sides read: the command side checks a case's product against the catalogue, the
 * query side groups the returns by them. {@code complaints.returns.mappings}: where the document is (a Spring resource
 * location; default the shipped {@code classpath:returns/mappings.json}). A bank's own document must carry a new
 * {@code version} whenever it changes, since every return and filing records the version it was computed with.
 */
@Configuration(proxyBeanMethods = false)
public class ReturnMappingsConfiguration {

    @Bean
    ReturnMappings returnMappings(@Value("${complaints.returns.mappings:classpath:returns/mappings.json}") Resource location) {
        try (InputStream in = location.getInputStream()) {
            return ReturnMappings.read(in, location.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the regulatory-return mappings " + location.getDescription(), e);
        }
    }
}
