package dev.tango.support.security;

import dev.tango.events.Ids;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder;

/**
 * The one place that decides which JWTs a service accepts: a signature by one of the issuer's published keys, with an
 * allowed asymmetric algorithm ({@code alg: none} and HMAC never verify), the expected issuer, the expected audience,
 * an expiry that has not passed and a subject that is a valid user id.
 */
public final class TangoJwtDecoders {

    /** Set, it switches the services to an external OpenID Connect provider with this issuer. */
    public static final String EXTERNAL_ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /** Where the keys are, if {@code tango.security.jwk-set-uri} does not say. */
    public static final String JWK_SET_URI_PROPERTY = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    private TangoJwtDecoders() {}

    /**
     * @param externalIssuer the issuer of an external OpenID Connect provider, or {@code null} for the gateway
     */
    public static NimbusReactiveJwtDecoder create(TangoSecurityProperties properties, String externalIssuer) {
        boolean external = externalIssuer != null && !externalIssuer.isBlank();
        String issuer = external ? externalIssuer : properties.issuer();
        JwkSetUriReactiveJwtDecoderBuilder builder = external && !properties.hasJwkSetUri()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(issuer)
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri());
        List<SignatureAlgorithm> algorithms = properties.jwsAlgorithms().stream()
                .map(TangoJwtDecoders::algorithm)
                .toList();
        NimbusReactiveJwtDecoder decoder = builder.jwsAlgorithms(allowed -> {
                    allowed.clear();
                    allowed.addAll(algorithms);
                })
                .build();
        decoder.setJwtValidator(validator(issuer, properties.audience()));
        return decoder;
    }

    /** Type, timestamps, issuer, audience; and expiry and subject must be there at all. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                // The timestamp validator lets a token without exp live for ever.
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Object>(
                        JwtClaimNames.SUB, sub -> sub instanceof String value && Ids.isValid(value))));
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        if (algorithm == null) {
            throw new IllegalStateException(
                    "tango.security.jws-algorithms: " + name + " is not an asymmetric JWS algorithm (e.g. RS256)");
        }
        return algorithm;
    }
}
