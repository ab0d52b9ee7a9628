package com.complaintcase.standalone.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The standalone application's database: PostgreSQL from the embedded binaries, started before the connection pool
 * and stopped after it. With {@code complaints.embedded-database.enabled=false} the pool connects to
 * {@code spring.datasource.url} instead, as the services do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
@ConditionalOnProperty(name = "complaints.embedded-database.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.start(properties);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server, DataSourceProperties properties) {
        properties.setUrl(server.jdbcUrl());
        properties.setUsername(EmbeddedPostgresServer.USER);
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
