package com.complaintcase.query.privacy;

import com.complaintcase.events.privacy.PersonalDataErased;
import com.complaintcase.platform.privacy.DataSubjects;
import com.complaintcase.platform.privacy.JdbcDataKeys;
import com.complaintcase.query.cases.CaseProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A query side running in a process of its own learns of an erasure from its event: it forgets the keys it kept
 * in memory, so that nothing it reads from then on is decrypted with them. (In the command side's process the
 * erasure's commit does it.) In the cases processor, so that it needs no processor of its own.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
class ErasedKeys {

    private final JdbcDataKeys keys;

    ErasedKeys(JdbcDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        keys.forget(DataSubjects.ofCustomer(event.customerId(), event.affectedCases()));
    }
}
