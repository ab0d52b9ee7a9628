package com.complaintcase.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a verified token's claims become the person acting: one user id, exactly one role of this service. */
class JwtActorConverterTest {

    private static JwtAuthenticationToken convert(String rolesClaim, String userIdClaim, Consumer<Map<String, Object>> claims) {
        SecurityProperties.Jwt names = new SecurityProperties.Jwt();
        names.setRolesClaim(rolesClaim);
        names.setUserIdClaim(userIdClaim);
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").claims(claims).build();
        return new JwtActorConverter(names).convert(jwt);
    }

    private static List<String> authorities(JwtAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void a_list_claim_with_one_role_of_this_service_acts_in_it_whatever_its_case_and_other_values_are_ignored() {
        JwtAuthenticationToken token = convert("roles", "sub", claims -> {
            claims.put("sub", "u-1");
            claims.put("roles", List.of("offline_access", "handler", "uma_authorization"));
        });

        assertThat(token.getName()).isEqualTo("u-1");
        assertThat(authorities(token)).containsExactly("ROLE_HANDLER");
    }

    @Test
    void a_dotted_path_reaches_into_nested_claims() {
        JwtAuthenticationToken token = convert("resource_access.complaints.roles", "sub", claims -> {
            claims.put("sub", "u-2");
            claims.put("resource_access", Map.of("complaints", Map.of("roles", List.of("SUPERVISOR"))));
        });

        assertThat(authorities(token)).containsExactly("ROLE_SUPERVISOR");
    }

    @Test
    void a_claim_whose_own_name_has_dots_is_found_before_any_nesting_and_a_string_of_roles_is_split() {
        JwtAuthenticationToken token = convert("https://bank.example/roles", "sub", claims -> {
            claims.put("sub", "u-3");
            claims.put("https://bank.example/roles", "ROLE_COMPLIANCE");
        });

        assertThat(authorities(token)).containsExactly("ROLE_COMPLIANCE");
    }

    @Test
    void the_user_id_comes_from_the_configured_claim() {
        JwtAuthenticationToken token = convert("roles", "preferred_username", claims -> {
            claims.put("sub", "2f0c-opaque");
            claims.put("preferred_username", "li.wei");
            claims.put("roles", List.of("INTAKE"));
        });

        assertThat(token.getName()).isEqualTo("li.wei");
    }

    @Test
    void several_roles_of_this_service_give_no_role_to_act_in_only_the_claimed_ones_to_name_in_the_refusal() {
        JwtAuthenticationToken token = convert("roles", "sub", claims -> {
            claims.put("sub", "u-4");
            claims.put("roles", "HANDLER SUPERVISOR");
        });

        assertThat(authorities(token)).containsExactlyInAnyOrder("CLAIMED_ROLE_HANDLER", "CLAIMED_ROLE_SUPERVISOR");
    }

    @Test
    void nobody_acts_as_the_system_and_a_token_without_the_roles_claim_has_no_role() {
        assertThat(authorities(convert("roles", "sub", claims -> {
            claims.put("sub", "u-5");
            claims.put("roles", List.of("SYSTEM"));
        }))).isEmpty();
        assertThat(authorities(convert("roles", "sub", claims -> claims.put("sub", "u-6")))).isEmpty();
    }

    @Test
    void a_token_without_a_usable_user_id_is_an_invalid_token() {
        assertThatThrownBy(() -> convert("roles", "preferred_username", claims -> {
            claims.put("sub", "u-7");
            claims.put("roles", List.of("INTAKE"));
        })).isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("preferred_username");
        assertThatThrownBy(() -> convert("roles", "sub", claims -> {
            claims.put("sub", "x".repeat(65));
            claims.put("roles", List.of("INTAKE"));
        })).isInstanceOf(InvalidBearerTokenException.class);
    }
}
