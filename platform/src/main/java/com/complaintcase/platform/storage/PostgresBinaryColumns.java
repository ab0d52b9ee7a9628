package com.complaintcase.platform.storage;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * On PostgreSQL, Axon's {@code @Lob byte[]} columns (event and snapshot payloads and metadata, tracking tokens) are
 * {@code bytea}, not Hibernate's default {@code oid}: a large object lives outside its row, is not removed with it,
 * and is not read by plain SQL or by a dump of the table. Registered through {@code META-INF/services}, so it applies
 * to every persistence unit; other databases keep their own {@code @Lob} mapping.
 */
public class PostgresBinaryColumns implements TypeContributor {

    @Override
    public void contribute(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        if (serviceRegistry.requireService(JdbcServices.class).getDialect() instanceof PostgreSQLDialect) {
            typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
        }
    }
}
