package com.complaintcase.benchpeer;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * Axon's {@code @Lob byte[]} columns as {@code bytea} on PostgreSQL, as the platform stores them: the same store
 * layout for both applications (Hibernate's default, {@code oid}, would write each payload as a large object).
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
