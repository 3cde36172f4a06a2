package dev.tango.feedback.comments;

import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a comment body to HTML that is safe to put in a page. The subset: paragraphs and line breaks, emphasis,
 * strong, inline code, fenced code, lists, block quotes and links (http, https, mailto). Two layers: commonmark
 * escapes any raw HTML in the body (it shows as text) and drops unsafe link destinations; then the OWASP sanitiser
 * keeps only the subset's elements and {@code href}s with allowed protocols, whatever the renderer produced.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class))
            .build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br />")
            .build();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private SafeMarkdown() {}

    public static String toHtml(String body) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(body))).strip();
    }
}
