package dev.tango.gateway.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;

/**
 * Profile {@code oidc}: browsers sign in at an external OpenID Connect provider (spring.security.oauth2.client.*);
 * roles and programs come from its claims. See gateway/OIDC.md.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
class OidcLoginMode implements LoginMode {

    private final OidcProperties properties;
    private final ReactiveClientRegistrationRepository registrations;

    OidcLoginMode(OidcProperties properties, ReactiveClientRegistrationRepository registrations) {
        this.properties = properties;
        this.registrations = registrations;
    }

    @Bean
    static OidcClaimsMapper oidcClaimsMapper(OidcProperties properties) {
        return new OidcClaimsMapper(properties);
    }

    /** The provider's user, with Tango roles as authorities so that the access rules apply unchanged. */
    @Bean
    static ReactiveOAuth2UserService<OidcUserRequest, OidcUser> tangoOidcUserService(OidcClaimsMapper mapper) {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new HashSet<>();
            mapper.roles(user.getClaims())
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
        });
    }

    @Override
    public void configure(ServerHttpSecurity http) {
        http.oauth2Login(login -> {});
    }

    @Override
    public ServerAuthenticationEntryPoint entryPoint() {
        return new RedirectServerAuthenticationEntryPoint(providerLoginUrl());
    }

    @Override
    public ServerLogoutSuccessHandler logoutSuccess() {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        return handler;
    }

    @Override
    public String providerLoginUrl() {
        return "/oauth2/authorization/" + properties.registrationId();
    }
}
