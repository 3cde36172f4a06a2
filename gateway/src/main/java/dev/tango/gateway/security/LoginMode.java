package dev.tango.gateway.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;

/** How browsers sign in: the gateway's own form (default) or an external OpenID Connect provider (profile oidc). */
public interface LoginMode {

    void configure(ServerHttpSecurity http);

    /** Where a browser that is not signed in is sent. */
    ServerAuthenticationEntryPoint entryPoint();

    ServerLogoutSuccessHandler logoutSuccess();

    /** The link the sign-in page shows for an external provider, or null for the form. */
    String providerLoginUrl();
}
