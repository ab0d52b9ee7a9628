package com.complaintcase.command.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A capability's endpoint of the complaint commands: under {@code /api/complaints}, answering JSON, one API tag. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RestController
@RequestMapping(path = "/api/complaints", produces = "application/json")
@Tag(name = CommandEndpoints.TAG, description = CommandEndpoints.TAG_DESCRIPTION)
public @interface ComplaintCommandEndpoint {
}
