package com.complaintcase.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** How a request proves who sends it: HTTP Basic (standalone) or a bearer JWT (production). One is active. */
interface AuthenticationMechanism {

    void configure(HttpSecurity http) throws Exception;
}
