package dev.tango.feedback.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeMarkdownTest {

    @Test
    void rendersTheSubset() {
        String html =
                SafeMarkdown.toHtml("**Strong** and *soft* [ok](https://tango.dev)\n- one\n- two\n\n> quoted `code`");

        assertThat(html)
                .contains("<strong>Strong</strong> and <em>soft</em>")
                .containsPattern(
                        "<a href=\"https://tango.dev\" rel=\"(?=[a-z ]*nofollow)(?=[a-z ]*noopener)[a-z ]+\">ok</a>")
                .contains("<li>one</li>")
                .contains("<blockquote>")
                .contains("<code>code</code>");
    }

    @Test
    void headingsAndImagesAreNotPartOfTheSubset() {
        assertThat(SafeMarkdown.toHtml("# Title\n\n![x](https://tango.dev/x.png)"))
                .doesNotContain("<h1")
                .doesNotContain("<img");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD4=)",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<iframe src=\"https://evil\"></iframe>",
                "[x](https://tango.dev \"t\" onmouseover=alert(1))",
                "<div style=\"background:url(javascript:alert(1))\">x</div>"
            })
    void attacksComeOutInert(String body) {
        String html = SafeMarkdown.toHtml(body);

        assertThat(html)
                .doesNotContainPattern("<(script|img|svg|iframe|div)")
                .doesNotContainPattern("(?i)\\son[a-z]+=")
                .doesNotContainPattern("(?i)href=\"(javascript|data):")
                .doesNotContain("style=");
    }
}
