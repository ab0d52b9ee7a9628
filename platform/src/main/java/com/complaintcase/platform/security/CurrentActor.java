package com.complaintcase.platform.security;

import com.complaintcase.values.Actor;
import com.complaintcase.values.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The authenticated principal as an {@link Actor}: who is acting, and in which role. */
public final class CurrentActor {

    static final String ROLE_PREFIX = "ROLE_";

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .flatMap(name -> parse(name).stream())
                .filter(Role::isPersonal)
                .findFirst()
                .map(role -> new Actor(authentication.getName(), role));
    }

    public static Actor require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }

    private static Optional<Role> parse(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
