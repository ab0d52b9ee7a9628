package com.complaintcase.platform.upcasting;

import com.complaintcase.events.complaint.ComplaintRegistered;
import com.complaintcase.events.complaint.ComplaintReviewed;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.util.Set;

/**
 * The upcasters of the event contract, as beans: Axon's auto-configuration puts them in the upcaster chain of the
 * service's event store, JPA or Axon Server alike. Revision 2 of {@link ComplaintRegistered} and
 * {@link ComplaintReviewed} added {@code product}: older registrations are the unknown product, older reviews
 * corrected none.
 */
@Configuration(proxyBeanMethods = false)
public class ContractUpcasters {

    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    @Bean
    @Order(0)
    EventUpcaster complaintRegisteredProduct() {
        return registeredProduct();
    }

    @Bean
    @Order(1)
    EventUpcaster complaintReviewedProduct() {
        return reviewedProduct();
    }

    public static AddedFieldUpcaster registeredProduct() {
        return new AddedFieldUpcaster(ComplaintRegistered.class, REVISIONS.revisionOf(ComplaintRegistered.class), Set.of("1"), "product",
                JsonNodeFactory.instance.textNode(ComplaintRegistered.UNKNOWN_PRODUCT));
    }

    public static AddedFieldUpcaster reviewedProduct() {
        return new AddedFieldUpcaster(ComplaintReviewed.class, REVISIONS.revisionOf(ComplaintReviewed.class), Set.of("1"), "product",
                JsonNodeFactory.instance.nullNode());
    }
}
