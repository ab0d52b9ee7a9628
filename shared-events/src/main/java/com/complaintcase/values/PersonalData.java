package com.complaintcase.values;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of an event or value as personal data (domain brief, section 9): stored only encrypted under
 * a key of its data subject, so that destroying the key erases it without rewriting history. Once erased, the
 * field reads as {@link #ERASED}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface PersonalData {

    /** What an erased personal field reads as. */
    String ERASED = "[erased]";
}
