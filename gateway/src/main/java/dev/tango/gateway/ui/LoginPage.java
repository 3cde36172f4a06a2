package dev.tango.gateway.ui;

import dev.tango.gateway.security.LoginMode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

@Controller
class LoginPage {

    private final LoginMode loginMode;

    LoginPage(LoginMode loginMode) {
        this.loginMode = loginMode;
    }

    @GetMapping("/login")
    String login(ServerWebExchange exchange, Model model) {
        // Flags without a value (/login?error) arrive as keys with no value, so look at the keys.
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        String throttled = query.containsKey("throttled") ? String.valueOf(query.getFirst("throttled")) : null;
        model.addAttribute("providerLoginUrl", loginMode.providerLoginUrl());
        if (throttled != null) {
            String minutes = throttled.matches("\\d{1,4}") ? throttled : "a few";
            model.addAttribute(
                    "problem",
                    "Too many failed sign-in attempts. For your safety, sign-in is paused: try again in " + minutes
                            + " minute" + ("1".equals(minutes) ? "" : "s") + ".");
        } else if (query.containsKey("deactivated")) {
            model.addAttribute("problem", "This account is deactivated. Ask a program admin if this is a mistake.");
        } else if (query.containsKey("error")) {
            model.addAttribute("problem", "The email or password is not correct.");
        }
        if (query.containsKey("logout")) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }
}
