package dev.tango.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The session page as a person uses it in Chromium: the console (start, moves by key or button, end), its clock and
 * timeline, and the transcript section. Every action that changes the session waits until htmx has swapped the part
 * it changes (the old element goes stale), so what is read next is the answer to that action.
 */
final class ConsolePage {

    private final WebDriver browser;
    private final WebDriverWait wait;

    ConsolePage(WebDriver browser, Duration patience) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, patience);
    }

    String goal() {
        return browser.findElement(By.cssSelector(".brief .goal")).getText();
    }

    String clientLabel() {
        return browser.findElement(By.cssSelector(".brief .client-label strong"))
                .getText();
    }

    /** SCHEDULED, IN_PROGRESS, ENDED or CANCELLED, as the console shows it now. */
    String status() {
        return browser.findElement(By.cssSelector("#console [data-status]")).getAttribute("data-status");
    }

    String currentPhase() {
        return browser.findElement(By.cssSelector("#console [data-current-phase]"))
                .getText();
    }

    /** The phases the move buttons offer, in page order, as labelled (e.g. "Meaning making"). */
    List<String> moves() {
        return browser.findElements(By.cssSelector("#console button.move span")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The key each move button says it answers to, in the same order as {@link #moves()}. */
    List<String> moveKeys() {
        return browser.findElements(By.cssSelector("#console button.move")).stream()
                .map(button -> button.getAttribute("aria-keyshortcuts"))
                .toList();
    }

    String notice() {
        return browser.findElement(By.cssSelector("#console [role='status']")).getText();
    }

    String alert() {
        return browser.findElement(By.cssSelector("#console [role='alert']")).getText();
    }

    String elapsed() {
        return browser.findElement(By.cssSelector("[data-clock-elapsed]")).getText();
    }

    String timeInPhase() {
        return browser.findElement(By.cssSelector("[data-clock-phase]")).getText();
    }

    boolean hasClock() {
        return !browser.findElements(By.cssSelector("#console [role='timer']")).isEmpty();
    }

    /** Waits until the clock shows another time than {@code before}: it runs. */
    void waitForTheClockToMovePast(String before) {
        wait.until(driver -> !elapsed().equals(before));
    }

    /** The live region that reads out what the keyboard did. */
    String announcement() {
        return browser.findElement(By.id("console-announcer")).getText();
    }

    void waitForAnnouncement(String text) {
        wait.until(driver -> driver.findElement(By.id("console-announcer"))
                .getAttribute("textContent")
                .equals(text));
    }

    void start() {
        swapping(
                "#console",
                () -> browser.findElement(By.cssSelector("#console form[action$='/start'] button"))
                        .click());
    }

    /** Presses a key wherever the focus is, as a person at the keyboard does, and waits for the move it makes. */
    void pressMoveKey(String key) {
        swapping("#console", this::press, key);
    }

    /** Presses a key that is expected to change nothing (a move that is not allowed now). */
    void pressKey(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    void clickMove(String label) {
        swapping("#console", () -> moveButton(label).click());
    }

    /** Clicks a move button expecting the browser to refuse it (nothing is sent, nothing swapped). */
    void clickMoveRefusedByTheBrowser(String label) {
        moveButton(label).click();
    }

    void end() {
        browser.findElement(By.xpath("//details/summary[normalize-space()='End the session…']"))
                .click();
        swapping(
                "#console",
                () -> browser.findElement(By.xpath("//button[normalize-space()='Yes, end the session']"))
                        .click());
    }

    /** Types a time code into the REVIEW console's field, replacing what was there. */
    void typeTimeCode(String timeCode) {
        WebElement field = browser.findElement(By.id("timecode"));
        field.clear();
        field.sendKeys(timeCode);
    }

    /** Leaves the time code field with Esc, so that the number keys are shortcuts again. */
    void leaveTimeCode() {
        browser.findElement(By.id("timecode")).sendKeys(Keys.ESCAPE);
        wait.until(
                driver -> !"timecode".equals(driver.switchTo().activeElement().getAttribute("id")));
    }

    String timeCodeError() {
        wait.until(ExpectedConditions.attributeToBe(By.id("timecode"), "aria-invalid", "true"));
        return browser.findElement(By.id("timecode-error")).getText();
    }

    /** Lets the gateway and session-service check a time code the browser would have refused. */
    void forgetTheLastTimeCodeInTheBrowser() {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('timecode').removeAttribute('data-min-ms')");
    }

    /** The timeline table: one row per phase entered, as "Phase | time code or entered | ... | time in it". */
    List<List<String>> timeline() {
        return browser.findElements(By.cssSelector("table.timeline-table tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(WebElement::getText)
                        .toList())
                .toList();
    }

    int timelineBars() {
        return browser.findElements(By.cssSelector("svg.timeline-bar rect")).size();
    }

    /** The width of the bar of the phase the session is in, in percent of the timeline. */
    double openBarWidth() {
        return Double.parseDouble(browser.findElement(By.cssSelector("svg.timeline-bar rect.open"))
                .getAttribute("width"));
    }

    /** "Time in each phase" once the session has ended: phase label to time. */
    Map<String, String> timeInEachPhase() {
        Map<String, String> totals = new LinkedHashMap<>();
        browser.findElements(By.cssSelector("table.totals tbody tr"))
                .forEach(row -> totals.put(
                        row.findElement(By.tagName("th")).getText(),
                        row.findElement(By.tagName("td")).getText()));
        return totals;
    }

    // --- transcript ----------------------------------------------------------------------------------------------

    boolean offersTranscriptImport() {
        return !browser.findElements(By.id("transcript-text")).isEmpty();
    }

    /** Chooses a file in the form's file field: the page's script reads it into the text box. */
    void chooseTranscriptFile(Path file, String firstLine) {
        browser.findElement(By.id("transcript-file"))
                .sendKeys(file.toAbsolutePath().toString());
        wait.until(driver -> driver.findElement(By.id("transcript-text"))
                .getAttribute("value")
                .startsWith(firstLine));
    }

    String transcriptText() {
        return browser.findElement(By.id("transcript-text")).getAttribute("value");
    }

    void coachNames(String names) {
        WebElement field = browser.findElement(By.id("coach-names"));
        field.clear();
        field.sendKeys(names);
    }

    void skipUnreadableLines() {
        WebElement box = browser.findElement(By.id("skip-invalid"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    void importTranscript() {
        swapping(
                "#transcript",
                () -> browser.findElement(By.xpath("//button[normalize-space()='Import the transcript']"))
                        .click());
    }

    String transcriptAlert() {
        return browser.findElement(By.cssSelector("#transcript [role='alert']")).getText();
    }

    String transcriptNotice() {
        return browser.findElement(By.cssSelector("#transcript [role='status']"))
                .getText();
    }

    /** The unreadable lines listed after a refused import: line number to the reason given. */
    Map<Integer, String> lineErrors() {
        Map<Integer, String> lines = new LinkedHashMap<>();
        browser.findElements(By.cssSelector("#line-errors li"))
                .forEach(item -> lines.put(Integer.valueOf(item.getAttribute("data-line")), item.getText()));
        return lines;
    }

    /** The transcript table: time code, speaker, text. */
    List<List<String>> transcript() {
        return browser.findElements(By.cssSelector(".transcript-table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream()
                        .map(WebElement::getText)
                        .toList())
                .toList();
    }

    private WebElement moveButton(String label) {
        return browser.findElement(By.xpath(
                "//div[@id='console']//button[contains(@class,'move')][normalize-space(span)='" + label + "']"));
    }

    private void press(String key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private void swapping(String selector, Runnable action) {
        WebElement before = browser.findElement(By.cssSelector(selector));
        action.run();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(driver -> !driver.findElements(By.cssSelector(selector)).isEmpty());
    }

    private void swapping(String selector, java.util.function.Consumer<String> action, String argument) {
        swapping(selector, () -> action.accept(argument));
    }
}
