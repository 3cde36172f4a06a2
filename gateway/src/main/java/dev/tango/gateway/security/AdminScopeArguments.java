package dev.tango.gateway.security;

import dev.tango.gateway.user.AdminScope;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a handler take the caller's {@link AdminScope} as a parameter (the users and tokens API, the users pages), so
 * that those features need not know how the caller signed in. A caller who is not an admin has an empty scope.
 */
@Configuration(proxyBeanMethods = false)
class AdminScopeArguments implements WebFluxConfigurer {

    private final TangoPrincipals principals;

    AdminScopeArguments(TangoPrincipals principals) {
        this.principals = principals;
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new Resolver(principals));
    }

    private record Resolver(TangoPrincipals principals) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == AdminScope.class;
        }

        @Override
        public Mono<Object> resolveArgument(
                MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
            return principals
                    .current(exchange)
                    .map(principal -> AdminScope.of(principal.roles(), principal.programs()))
                    .defaultIfEmpty(AdminScope.of(Set.of(), Set.of()))
                    .cast(Object.class);
        }
    }
}
