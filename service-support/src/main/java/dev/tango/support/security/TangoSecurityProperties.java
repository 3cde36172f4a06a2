package dev.tango.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the bearer JWTs it receives ({@code tango.security.*}).
 *
 * <p>Setting {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} instead switches to an external OpenID
 * Connect provider (e.g. a Keycloak realm): that URI is then the expected issuer and, unless {@link #jwkSetUri} is
 * set, the keys are found by discovery. Audience and claim names still come from here.
 *
 * @param issuer the expected {@code iss}: the gateway's external URL
 * @param audience the entry {@code aud} must contain
 * @param jwkSetUri where the signing keys are published; else
 *     {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}; else the issuer's {@code /.well-known/jwks.json}
 * @param rolesClaim the claim holding the roles; a dotted path reads a nested claim (Keycloak:
 *     {@code realm_access.roles})
 * @param programsClaim the claim holding the program ids; a dotted path reads a nested claim
 * @param jwsAlgorithms the signature algorithms accepted; asymmetric only ({@code RS256}, {@code ES256}, ...)
 */
@ConfigurationProperties("tango.security")
public record TangoSecurityProperties(
        @DefaultValue("http://127.0.0.1:8080") String issuer,
        @DefaultValue("tango-api") String audience,
        String jwkSetUri,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("programs") String programsClaim,
        @DefaultValue("RS256") List<String> jwsAlgorithms) {

    public TangoSecurityProperties {
        jwsAlgorithms = List.copyOf(jwsAlgorithms);
    }

    /** The configured JWKS URI, or the gateway's default one under the issuer. */
    public String effectiveJwkSetUri() {
        if (hasJwkSetUri()) {
            return jwkSetUri;
        }
        return issuer.replaceAll("/+$", "") + "/.well-known/jwks.json";
    }

    public TangoSecurityProperties withJwkSetUri(String uri) {
        return new TangoSecurityProperties(issuer, audience, uri, rolesClaim, programsClaim, jwsAlgorithms);
    }

    public boolean hasJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
