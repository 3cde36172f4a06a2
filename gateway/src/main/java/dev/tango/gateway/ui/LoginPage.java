package dev.tango.gateway.ui;

import dev.tango.gateway.security.LoginMode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

    private final LoginMode loginMode;

    LoginPage(LoginMode loginMode) {
        this.loginMode = loginMode;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String throttled,
            @RequestParam(required = false) String deactivated,
            @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("providerLoginUrl", loginMode.providerLoginUrl());
        if (throttled != null) {
            String minutes = throttled.matches("\\d{1,4}") ? throttled : "a few";
            model.addAttribute(
                    "problem",
                    "Too many failed sign-in attempts. For your safety, sign-in is paused: try again in " + minutes
                            + " minute" + ("1".equals(minutes) ? "" : "s") + ".");
        } else if (deactivated != null) {
            model.addAttribute("problem", "This account is deactivated. Ask a program admin if this is a mistake.");
        } else if (error != null) {
            model.addAttribute("problem", "The email or password is not correct.");
        }
        if (logout != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }
}
