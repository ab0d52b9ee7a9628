package com.complaintcase.platform.security;

import com.complaintcase.values.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A verified token as the person acting: the user id from one claim, the role from another. A request acts in
 * exactly one role, the one recorded with every event it causes; a token naming several of this service's roles (or
 * none) is authenticated but may act in none, and is refused with 403 {@code NO_ACTING_ROLE}. Values that are not
 * roles of this service (an identity provider's own roles) are ignored, and nobody signs in as the system.
 */
final class JwtActorConverter implements Converter<Jwt, JwtAuthenticationToken> {

    /** Marks the roles a token names when it names several: known, but not acted in. */
    static final String CLAIMED_ROLE_PREFIX = "CLAIMED_ROLE_";

    private static final int MAX_USER_ID = 64;

    private final String rolesClaim;
    private final String userIdClaim;

    JwtActorConverter(SecurityProperties.Jwt claims) {
        this.rolesClaim = claims.getRolesClaim();
        this.userIdClaim = claims.getUserIdClaim();
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        String userId = userId(jwt);
        Set<Role> roles = roles(jwt);
        List<GrantedAuthority> authorities = roles.size() == 1
                ? List.of(new SimpleGrantedAuthority(CurrentActor.ROLE_PREFIX + roles.iterator().next().name()))
                : roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(CLAIMED_ROLE_PREFIX + role.name())).toList();
        return new JwtAuthenticationToken(jwt, authorities, userId);
    }

    private String userId(Jwt jwt) {
        Object value = claim(jwt, userIdClaim).orElse(null);
        String userId = value == null ? "" : value.toString().trim();
        if (userId.isEmpty() || userId.length() > MAX_USER_ID) {
            throw new InvalidBearerTokenException("the token's " + userIdClaim + " claim must name the user in 1-"
                    + MAX_USER_ID + " characters");
        }
        return userId;
    }

    private Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claim(jwt, rolesClaim).stream().flatMap(JwtActorConverter::values)
                .flatMap(value -> role(value).stream())
                .filter(Role::isPersonal)
                .forEach(roles::add);
        return roles;
    }

    /** The claim of that name, else the nested claim the dotted path leads to. */
    private static Optional<Object> claim(Jwt jwt, String path) {
        if (jwt.hasClaim(path)) {
            return Optional.ofNullable(jwt.getClaim(path));
        }
        Object current = jwt.getClaims();
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(step);
        }
        return Optional.ofNullable(current);
    }

    private static Stream<String> values(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf);
        }
        return Arrays.stream(claim.toString().split("[\\s,]+"));
    }

    private static Optional<Role> role(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith(CurrentActor.ROLE_PREFIX)) {
            name = name.substring(CurrentActor.ROLE_PREFIX.length());
        }
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
