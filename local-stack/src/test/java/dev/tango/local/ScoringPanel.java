package dev.tango.local;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The scoring panel of the session page as a person uses it in Chromium: a mentor's marker and anti-signal buttons
 * (clicked or by their letter keys), the note and its time code, the observations and their retraction, the draft
 * scorecard, the preview and the publication; a student's published scorecards. Every action that changes something
 * waits until htmx has swapped the panel in again. scoring-service learns of a session from its events, so right
 * after a start or an end it may refuse for a moment and say that it is catching up: the actions that depend on it
 * then try again until it has caught up (a polling wait, never a sleep).
 */
final class ScoringPanel {

    private static final String PANEL = "#scoring";

    private final WebDriver browser;
    private final WebDriverWait wait;

    ScoringPanel(WebDriver browser, Duration patience) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, patience);
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Waits until scoring-service knows the session (the panel reloads itself while it is catching up). */
    ScoringPanel waitUntilReady() {
        wait.until(driver -> "READY".equals(panel().getAttribute("data-state")));
        return this;
    }

    boolean isShown() {
        return !browser.findElements(By.cssSelector(PANEL)).isEmpty();
    }

    String heading() {
        return browser.findElement(By.id("scoring-heading")).getText();
    }

    /** Waits until the marker buttons are those of this phase (the panel reloads after each console change). */
    void waitForMarkersOf(String phaseLabel) {
        wait.until(driver -> {
            List<WebElement> phase = driver.findElements(By.cssSelector(PANEL + " [data-marker-phase]"));
            return !phase.isEmpty() && phase.get(0).getText().equals(phaseLabel);
        });
    }

    List<String> markers() {
        return texts(PANEL + " .markers button.score-item .item-label");
    }

    List<String> markerKeys() {
        return browser.findElements(By.cssSelector(PANEL + " .markers button.score-item")).stream()
                .map(button -> button.getAttribute("aria-keyshortcuts"))
                .toList();
    }

    List<String> observedMarkers() {
        return texts(PANEL + " .markers button.score-item.observed .item-label");
    }

    List<String> antiSignals() {
        return texts(PANEL + " .anti-signals button.score-item .item-label");
    }

    int antiSignalCount(String label) {
        return Integer.parseInt(item("anti-signals", label)
                .findElement(By.cssSelector(".item-count"))
                .getText());
    }

    /** Clicks a marker's button; tries again while scoring-service has not yet heard that the session started. */
    void clickMarker(String label) {
        untilAccepted(() -> item("markers", label).click());
    }

    void clickAntiSignal(String label) {
        untilAccepted(() -> item("anti-signals", label).click());
    }

    /** Presses a letter key wherever the focus is (but in a text field), as a person at the keyboard does. */
    void pressKey(String key) {
        untilAccepted(() -> new Actions(browser).sendKeys(key).perform());
    }

    /** Types a note; in a LIVE session the time code field takes the moment typing began. Returns that time code. */
    String typeNote(String text) {
        WebElement note = browser.findElement(By.id("score-note"));
        note.clear();
        note.sendKeys(text);
        wait.until(driver -> !timeCode().isBlank());
        return timeCode();
    }

    /** Leaves the note with Esc, so that the letter keys are shortcuts again. */
    void leaveNote() {
        browser.findElement(By.id("score-note")).sendKeys(Keys.ESCAPE);
        wait.until(driver -> "scoring".equals(driver.switchTo().activeElement().getAttribute("id")));
    }

    String timeCode() {
        return browser.findElement(By.id("score-timecode")).getAttribute("value");
    }

    String notice() {
        return browser.findElement(By.cssSelector(PANEL + " [role='status']")).getText();
    }

    /** The observations, newest first, each as its text (time code, kind, label, phase, note, retraction). */
    List<String> observations() {
        return browser.findElements(By.cssSelector(PANEL + " .observation-list > li")).stream()
                .map(item -> item.findElements(By.cssSelector("p")).stream()
                        .map(WebElement::getText)
                        .reduce((a, b) -> a + " | " + b)
                        .orElse(""))
                .toList();
    }

    /** Retracts the newest observation of this label that still counts, confirming with a reason. */
    void retract(String label, String reason) {
        WebElement item =
                browser.findElement(By.xpath("//section[@id='scoring']//ol[contains(@class,'observation-list')]"
                        + "/li[not(contains(@class,'retracted'))][.//strong[normalize-space()=" + literal(label)
                        + "]][1]"));
        item.findElement(By.tagName("summary")).click();
        WebElement field = item.findElement(By.cssSelector("input[name='reason']"));
        field.sendKeys(reason);
        swapping(() -> item.findElement(By.xpath(".//button[normalize-space()='Retract this observation']"))
                .click());
    }

    String draftOverall() {
        return browser.findElement(By.cssSelector(PANEL + " .draft [data-overall]"))
                .getText();
    }

    /** Waits until the publish step offers the preview: the panel has heard that the session ended. */
    void waitForThePreviewLink() {
        wait.until(driver ->
                !driver.findElements(By.cssSelector(PANEL + " [data-preview]")).isEmpty());
    }

    void preview() {
        swapping(() ->
                browser.findElement(By.cssSelector(PANEL + " [data-preview]")).click());
    }

    String previewOverall() {
        return browser.findElement(By.cssSelector(PANEL + " .preview [data-overall]"))
                .getText();
    }

    String publishButton() {
        return browser.findElement(By.cssSelector(PANEL + " [data-publish]")).getText();
    }

    /** Publishes; tries again while scoring-service has not yet heard that the session ended. */
    void publish() {
        untilAccepted(() ->
                browser.findElement(By.cssSelector(PANEL + " [data-publish]")).click());
    }

    /** none, published or changed (unpublished changes). */
    String publishState() {
        return browser.findElement(By.cssSelector(PANEL + " [data-publish-state]"))
                .getAttribute("data-publish-state");
    }

    String publishedRevision() {
        return browser.findElement(By.cssSelector(PANEL + " [data-publish-state]"))
                .getAttribute("data-revision");
    }

    String alert() {
        return browser.findElement(By.cssSelector(PANEL + " [role='alert']")).getText();
    }

    // --- a student's view -------------------------------------------------------------------------------------------

    /** The published scorecards shown: each as its revision, whether marked revised, and the overall score. */
    List<List<String>> publishedCards() {
        return browser.findElements(By.cssSelector(PANEL + " article.published-card")).stream()
                .map(card -> List.of(
                        card.getAttribute("data-revision"),
                        String.valueOf(!card.findElements(By.cssSelector("[data-revised-badge]"))
                                .isEmpty()),
                        card.findElement(By.cssSelector("[data-overall]")).getText()))
                .toList();
    }

    private void untilAccepted(Runnable action) {
        wait.until(driver -> {
            swapping(action);
            List<WebElement> alerts = driver.findElements(By.cssSelector(PANEL + " [role='alert']"));
            if (alerts.isEmpty()) {
                return true;
            }
            String text = alerts.get(0).getText();
            if (!text.contains("catching up")) {
                throw new AssertionError("the scoring panel refused: " + text);
            }
            return false;
        });
    }

    private WebElement item(String group, String label) {
        return browser.findElement(By.xpath("//section[@id='scoring']//fieldset[contains(@class,'" + group
                + "')]//button[normalize-space(span[contains(@class,'item-label')])=" + literal(label) + "]"));
    }

    /** A label as an XPath string literal: in double quotes, as labels have apostrophes ("the client's"). */
    private static String literal(String label) {
        return "\"" + label + "\"";
    }

    private WebElement panel() {
        return browser.findElement(By.cssSelector(PANEL));
    }

    private List<String> texts(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void swapping(Runnable action) {
        WebElement before = panel();
        action.run();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(driver -> !driver.findElements(By.cssSelector(PANEL)).isEmpty());
    }
}
