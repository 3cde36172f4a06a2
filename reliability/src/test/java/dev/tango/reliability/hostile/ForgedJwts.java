package dev.tango.reliability.hostile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Service JWTs as the gateway signs them (with its key from the stack's data directory), and every way of forging or
 * spoiling one. The genuine token is the control: it must be accepted where the forgeries are refused.
 */
final class ForgedJwts {

    private final RSAKey gatewayKey;
    private final String issuer;

    ForgedJwts(Path dataDir, String issuer) {
        try {
            this.gatewayKey =
                    RSAKey.parse(Files.readString(dataDir.resolve("keys").resolve("service-token-rs256.jwk.json")));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read the gateway's signing key", e);
        }
        this.issuer = issuer;
    }

    JWTClaimsSet.Builder claims(String subject, List<String> roles, List<String> programs) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("tango-api")
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .claim("programs", programs)
                .claim("name", subject);
    }

    /** Genuine: signed with the gateway's key, its kid, RS256. */
    String genuine(JWTClaimsSet claims) {
        try {
            return sign(new RSASSASigner(gatewayKey), JWSAlgorithm.RS256, gatewayKey.getKeyID(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every forgery of a token with these claims, by name. */
    Map<String, String> forgeries(JWTClaimsSet claims) {
        Map<String, String> forged = new LinkedHashMap<>();
        String genuine = genuine(claims);
        String[] parts = genuine.split("\\.");
        Instant now = Instant.now();
        forged.put(
                "expired",
                genuine(new JWTClaimsSet.Builder(claims)
                        .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
                        .build()));
        forged.put(
                "not yet valid",
                genuine(new JWTClaimsSet.Builder(claims)
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                        .build()));
        forged.put(
                "other issuer",
                genuine(new JWTClaimsSet.Builder(claims)
                        .issuer("https://evil.example")
                        .build()));
        forged.put(
                "other audience",
                genuine(new JWTClaimsSet.Builder(claims).audience("other-api").build()));
        forged.put(
                "no expiry",
                genuine(new JWTClaimsSet.Builder(claims).expirationTime(null).build()));
        forged.put("signature bit flipped", parts[0] + "." + parts[1] + "." + flipBit(parts[2]));
        forged.put(
                "payload changed (roles ADMIN)",
                parts[0] + "."
                        + payload(new JWTClaimsSet.Builder(claims)
                                .claim("roles", List.of("ADMIN"))
                                .build()) + "." + parts[2]);
        forged.put(
                "payload changed (subject)",
                parts[0] + "."
                        + payload(new JWTClaimsSet.Builder(claims)
                                .subject("admin-ada")
                                .build()) + "." + parts[2]);
        forged.put("signature removed", parts[0] + "." + parts[1] + ".");
        forged.put("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        forged.put(
                "alg None, kid",
                base64("{\"alg\":\"None\",\"kid\":\"" + gatewayKey.getKeyID() + "\"}") + "." + parts[1] + ".");
        try {
            byte[] publicKeyAsSecret = sha256(gatewayKey.toPublicJWK().toJSONString());
            forged.put(
                    "HS256 with the public key as secret",
                    sign(new MACSigner(publicKeyAsSecret), JWSAlgorithm.HS256, gatewayKey.getKeyID(), claims));
            RSAKey stranger = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            forged.put(
                    "a fresh RSA key",
                    sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, stranger.getKeyID(), claims));
            forged.put(
                    "a fresh RSA key with our kid",
                    sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, gatewayKey.getKeyID(), claims));
            forged.put("a fresh RSA key, no kid", sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, null, claims));
            ECKey ec =
                    new ECKeyGenerator(Curve.P_256).keyID(gatewayKey.getKeyID()).generate();
            forged.put(
                    "a fresh EC key (ES256) with our kid",
                    sign(new ECDSASigner(ec), JWSAlgorithm.ES256, gatewayKey.getKeyID(), claims));
            forged.put("embedded jwk of a fresh key", embeddedJwk(stranger, claims));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        forged.put("not a JWT", "abc.def.ghi");
        forged.put("empty", "");
        return forged;
    }

    private static String embeddedJwk(RSAKey stranger, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .jwk(stranger.toPublicJWK())
                        .keyID(stranger.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(stranger));
        return jwt.serialize();
    }

    private static String sign(com.nimbusds.jose.JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT);
            if (kid != null) {
                header.keyID(kid);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(JWTClaimsSet claims) {
        return Base64URL.encode(claims.toString()).toString();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String flipBit(String signature) {
        byte[] bytes = Base64.getUrlDecoder().decode(signature);
        bytes[bytes.length / 2] ^= 0x01;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
