package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Profile oidc: configuration alone switches browsers to an external OpenID Connect provider (never called here). */
@ActiveProfiles("oidc")
@TestPropertySource(
        properties = {
            "spring.security.oauth2.client.registration.keycloak.client-id=tango-gateway",
            "spring.security.oauth2.client.registration.keycloak.client-secret=only-for-this-test",
            "spring.security.oauth2.client.registration.keycloak.scope=openid,profile",
            "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.provider.keycloak.authorization-uri=http://idp.test/realms/tango/protocol/openid-connect/auth",
            "spring.security.oauth2.client.provider.keycloak.token-uri=http://idp.test/realms/tango/protocol/openid-connect/token",
            "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=http://idp.test/realms/tango/protocol/openid-connect/certs",
            "spring.security.oauth2.client.provider.keycloak.user-info-uri=http://idp.test/realms/tango/protocol/openid-connect/userinfo",
            "spring.security.oauth2.client.provider.keycloak.user-name-attribute=sub",
            "tango.security.oidc.roles-claim=realm_access.roles"
        })
class OidcProfileIT extends GatewayIntegrationTest {

    @Test
    void sendsBrowsersToTheProviderInsteadOfTheForm() {
        client().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/oauth2/authorization/keycloak");

        EntityExchangeResult<byte[]> result = client().get()
                .uri("/oauth2/authorization/keycloak")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .returnResult();
        URI location = result.getResponseHeaders().getLocation();
        assertThat(location.toString())
                .startsWith("http://idp.test/realms/tango/protocol/openid-connect/auth?")
                .contains("client_id=tango-gateway", "response_type=code", "scope=openid%20profile", "state=");
        ResponseCookie session = result.getResponseCookies().getFirst("TANGO_SESSION");
        assertThat(session).isNotNull();
    }

    @Test
    void theLoginPageOffersTheProviderAndNoPasswordForm() {
        String html = client().get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(html).contains("href=\"/oauth2/authorization/keycloak\"").doesNotContain("type=\"password\"");
    }

    @Test
    void passwordPostsAreNotAcceptedInThisProfile() {
        client().post()
                .uri("/login")
                .header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .bodyValue("email=a@b&password=c")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
