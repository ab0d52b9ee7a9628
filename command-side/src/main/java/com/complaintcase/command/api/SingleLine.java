package com.complaintcase.command.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A text of one line, such as a name or a reference: no line breaks or tabs (which descriptions may hold). */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[^\\r\\n\\t\\u2028\\u2029]*")
@ReportAsSingleViolation
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be on one line (no line breaks or tabs)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
