// Sends the CSRF token with every htmx request, from the <meta> tags the layout renders.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// After htmx swaps in new content, move focus to its first alert so keyboard and screen-reader users hear the result.
// With hx-swap="outerHTML" the event's target is the element that was replaced: look its successor up by id.
document.addEventListener("htmx:afterSwap", function (event) {
  var source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (source && source.hasAttribute && source.hasAttribute("data-background-refresh")) {
    // The scoring panel reloading itself (after a console change): the focus stays where the person left it.
    return;
  }
  var target = event.detail.target;
  var region = (target.id && document.getElementById(target.id)) || target;
  if (source && source.hasAttribute && source.hasAttribute("data-markers")) {
    // Another phase's markers chosen in the scoring panel: the focus stays on the chooser, at the phase shown, and
    // the letter keys now record that phase's markers.
    var shown = region.querySelector("[data-phase-choice] a[aria-current]");
    if (shown) {
      shown.focus();
      tangoAnnounce("Markers of " + shown.textContent);
      return;
    }
  }
  var alert = region.querySelector('[role="alert"]');
  // In a REVIEW console the next thing to do is to type the next time code: focus goes there, and the notice is
  // read out by the page's live region instead.
  var timeCode = region.id === "console" && !alert ? region.querySelector("#timecode") : null;
  if (timeCode) {
    var notice = region.querySelector('[role="status"]');
    if (notice) {
      tangoAnnounce(notice.textContent);
    }
    timeCode.focus();
    return;
  }
  var first = alert || region.querySelector('[role="status"]');
  if (first) {
    first.setAttribute("tabindex", "-1");
    first.focus();
  }
});

// Says something through the page's polite live region, if it has one (the session page does).
function tangoAnnounce(text) {
  var region = document.getElementById("console-announcer");
  if (!region) {
    return;
  }
  region.textContent = "";
  // A short pause, so that the same words said twice are read twice.
  setTimeout(function () { region.textContent = text.trim(); }, 50);
}

// Draws the session-length bar chart from the data attributes of each canvas[data-chart].
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") {
    return;
  }
  document.querySelectorAll("canvas[data-chart='session-minutes']").forEach(function (canvas) {
    var labels = (canvas.dataset.labels || "").split("|");
    var values = (canvas.dataset.values || "").split("|").map(Number);
    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ label: "Minutes", data: values, backgroundColor: "#2f6f5e" }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
    });
  });
});

// The session console: running clock and timeline, keyboard shortcuts for the phase moves, time code checks,
// reading a transcript file into the import form. Everything here only adds to forms that work without it.
(function () {
  // The same pattern as Formats.TIME_CODE_PATTERN on the server: hh:mm:ss or mm:ss, at most a day.
  var TIME_CODE = /^(?:(\d{1,2}):([0-5]\d)|(\d{1,3})):([0-5]\d)$/;
  var MAX_TIME_CODE_MS = 86400000;
  // The gateway reads at most 256 KB of form data; URL encoding makes a text longer, so stop well below that.
  var MAX_TRANSCRIPT_CHARS = 150000;
  var PHASES = ["Opening", "Exploring", "Meaning making", "Action planning", "Closing"];
  var SHORTCUTS_KEY = "tango.shortcuts";
  var SCORING_SHORTCUTS_KEY = "tango.scoring-shortcuts";

  function parseTimeCode(text) {
    var match = TIME_CODE.exec(text.trim());
    if (!match) {
      return null;
    }
    var hours = match[1] === undefined ? 0 : Number(match[1]);
    var minutes = Number(match[1] === undefined ? match[3] : match[2]);
    var millis = ((hours * 60 + minutes) * 60 + Number(match[4])) * 1000;
    return millis > MAX_TIME_CODE_MS ? null : millis;
  }

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  // As Formats.timeCode: m:ss, or h:mm:ss from an hour on.
  function timeCode(millis) {
    var seconds = Math.floor(Math.max(0, millis) / 1000);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor(seconds / 60) % 60;
    var s = seconds % 60;
    return h > 0 ? h + ":" + pad(m) + ":" + pad(s) : Math.floor(seconds / 60) + ":" + pad(s);
  }

  // As Formats.clock: hh:mm:ss.
  function clock(millis) {
    var seconds = Math.floor(Math.max(0, millis) / 1000);
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  // The server's time now, from the time it rendered the element: the browser's own clock may be off.
  function serverNow(element) {
    if (element.tangoSkew === undefined) {
      element.tangoSkew = Date.now() - Number(element.dataset.serverNow);
    }
    return Date.now() - element.tangoSkew;
  }

  function tick() {
    document.querySelectorAll("[data-clock]").forEach(function (element) {
      var now = serverNow(element);
      var elapsed = element.querySelector("[data-clock-elapsed]");
      var inPhase = element.querySelector("[data-clock-phase]");
      elapsed.textContent = clock(now - Number(element.dataset.startedAt));
      inPhase.textContent = clock(now - Number(element.dataset.phaseSince));
    });
    document.querySelectorAll("svg[data-timeline][data-live]").forEach(function (svg) {
      var total = Math.max(1, serverNow(svg) - Number(svg.dataset.startedAt));
      svg.querySelectorAll("rect").forEach(function (rect) {
        var start = Number(rect.dataset.startMs);
        var end = rect.dataset.endMs ? Number(rect.dataset.endMs) : total;
        rect.setAttribute("x", (start * 100 / total).toFixed(3));
        rect.setAttribute("width", (Math.max(0, end - start) * 100 / total).toFixed(3));
      });
      document.querySelectorAll("[data-live-span]").forEach(function (span) {
        span.textContent = timeCode(total);
      });
      document.querySelectorAll("[data-live-length]").forEach(function (cell) {
        cell.textContent = timeCode(total - Number(cell.dataset.liveLength)) + " so far";
      });
    });
  }

  function shortcutsOn(key) {
    try {
      return window.localStorage.getItem(key || SHORTCUTS_KEY) !== "off";
    } catch (e) {
      return true;
    }
  }

  function isTextField(element) {
    if (!element || !element.tagName) {
      return false;
    }
    if (element.isContentEditable || element.tagName === "TEXTAREA" || element.tagName === "SELECT") {
      return true;
    }
    return element.tagName === "INPUT"
      && ["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"]
        .indexOf((element.type || "").toLowerCase()) < 0;
  }

  function shortcutKey(event) {
    if (/^[1-5]$/.test(event.key)) {
      return event.key;
    }
    return /^(Digit|Numpad)[1-5]$/.test(event.code || "") ? event.code.slice(-1) : null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (event.key === "Escape" && target && (target.id === "score-note" || target.id === "score-timecode")) {
      // Leaves the scoring panel's text fields, so that the letter keys are shortcuts again.
      var panel = document.getElementById("scoring");
      if (panel) {
        panel.focus();
      }
      return;
    }
    if (event.key === "Escape" && target && target.id === "timecode") {
      // Leaves the field, so that the number keys are shortcuts again.
      var region = document.getElementById("console");
      if (region) {
        region.focus();
      }
      return;
    }
    var key = shortcutKey(event);
    if (key === null || event.repeat || isTextField(target) || !shortcutsOn()) {
      return;
    }
    var moves = document.querySelector("#console form[data-moves]");
    if (!moves) {
      return;
    }
    event.preventDefault();
    var button = moves.querySelector('button[data-shortcut="' + key + '"]');
    if (button && !button.disabled) {
      button.click();
      return;
    }
    var run = document.querySelector("#console [data-phase]");
    var from = run && run.dataset.phase ? run.dataset.phase.replace(/_/g, " ").toLowerCase() : "here";
    tangoAnnounce(PHASES[Number(key) - 1] + " is not a move from " + from + ".");
  });

  // The scoring panel's letter keys: a marker's (a, s, d, ...) or an anti-signal's (q, w, e, ...) records it, with the
  // note and time code typed so far; never while typing, and not when switched off.
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey
        || event.shiftKey || event.repeat || !/^[a-z]$/.test(event.key)) {
      return;
    }
    if (isTextField(event.target) || !shortcutsOn(SCORING_SHORTCUTS_KEY)) {
      return;
    }
    var button = document.querySelector('#scoring form[data-observe] button[data-score-key="' + event.key + '"]');
    if (!button || button.disabled) {
      return;
    }
    event.preventDefault();
    button.click();
  });

  // LIVE: the time code of a note is the moment the mentor starts typing it (on the server's clock), unless one is
  // there already; it goes with the next marker or anti-signal.
  document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.matches("#scoring [data-note]")) {
      return;
    }
    var field = document.querySelector("#scoring [data-note-timecode]");
    if (!field || !field.dataset.startedAt || field.value.trim() || !event.target.value.trim()) {
      return;
    }
    field.value = timeCode(serverNow(field) - Number(field.dataset.startedAt));
    clearError(field, "score-timecode-error");
  });

  function showError(field, errorId, message) {
    var error = document.getElementById(errorId);
    if (error) {
      error.textContent = message;
    }
    field.setAttribute("aria-invalid", "true");
    field.focus();
  }

  function clearError(field, errorId) {
    var error = document.getElementById(errorId);
    if (error) {
      error.textContent = "";
    }
    field.removeAttribute("aria-invalid");
  }

  // The same checks and words as the gateway's (SessionPage, ConsoleAlerts), before anything is sent.
  function timeCodeProblem(input) {
    var value = input.value.trim();
    if (!value) {
      return "Enter the time code of this move in the recording, as hh:mm:ss or mm:ss.";
    }
    var millis = parseTimeCode(value);
    if (millis === null) {
      return "\"" + value + "\" is not a time code: use hh:mm:ss or mm:ss, e.g. 01:02:03 or 12:34 (at most 24:00:00).";
    }
    var min = Number(input.dataset.minMs || 0);
    if (millis < min) {
      return "The time code must not be before " + timeCode(min) + ", the time code of the last move.";
    }
    return null;
  }

  // The scoring panel's time code: required in a REVIEW, optional ("now") in a LIVE session.
  function scoreTimeCodeProblem(input, review) {
    var value = input.value.trim();
    if (!value) {
      return review ? "Enter where in the recording you observed it, as hh:mm:ss or mm:ss." : null;
    }
    if (parseTimeCode(value) === null) {
      return "\"" + value + "\" is not a time code: use hh:mm:ss or mm:ss, e.g. 01:02:03 or 12:34 (at most 24:00:00).";
    }
    return null;
  }

  function problemOf(form) {
    if (form.matches && form.matches("[data-observe]")) {
      var scoreTime = form.querySelector("#score-timecode");
      var scoreProblem = scoreTime ? scoreTimeCodeProblem(scoreTime, form.dataset.review === "true") : null;
      return scoreProblem ? { field: scoreTime, errorId: "score-timecode-error", message: scoreProblem } : null;
    }
    var input = form.querySelector("#timecode");
    if (input && form.matches("[data-moves]")) {
      var problem = timeCodeProblem(input);
      return problem ? { field: input, errorId: "timecode-error", message: problem } : null;
    }
    var text = form.querySelector("#transcript-text");
    if (text) {
      if (!text.value.trim()) {
        return { field: text, errorId: "text-error", message: "Paste the transcript here, or choose a file to read it in." };
      }
      if (text.value.length > MAX_TRANSCRIPT_CHARS) {
        return { field: text, errorId: "text-error",
                 message: "The transcript is too long to send in one go (at most " + MAX_TRANSCRIPT_CHARS
                   + " characters)." };
      }
    }
    return null;
  }

  // htmx asks before every request: a form with a problem is not sent, and says why next to the field.
  document.addEventListener("htmx:confirm", function (event) {
    var form = event.detail.elt;
    var problem = form && form.tagName === "FORM" ? problemOf(form) : null;
    if (problem) {
      event.preventDefault();
      showError(problem.field, problem.errorId, problem.message);
    }
  });

  // Without htmx (it did not load) the forms post normally: check them all the same.
  document.addEventListener("submit", function (event) {
    if (typeof htmx !== "undefined") {
      return;
    }
    var problem = problemOf(event.target);
    if (problem) {
      event.preventDefault();
      showError(problem.field, problem.errorId, problem.message);
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.id === "timecode") {
      clearError(event.target, "timecode-error");
    } else if (event.target.id === "score-timecode") {
      clearError(event.target, "score-timecode-error");
    } else if (event.target.id === "transcript-text") {
      clearError(event.target, "text-error");
    }
  });

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches("[data-shortcuts-toggle]")) {
      try {
        window.localStorage.setItem(input.dataset.shortcutsToggle || SHORTCUTS_KEY, input.checked ? "on" : "off");
      } catch (e) {
        // Private browsing without storage: the choice lasts until the page is left.
      }
      return;
    }
    if (!input.matches("[data-transcript-file]") || !input.files || !input.files[0]) {
      return;
    }
    var file = input.files[0];
    var text = document.getElementById("transcript-text");
    var reader = new FileReader();
    reader.onload = function () {
      text.value = reader.result;
      clearError(text, "text-error");
      tangoAnnounce("The text of " + file.name + " is in the transcript box.");
    };
    reader.onerror = function () {
      showError(text, "text-error", "The file " + file.name + " could not be read.");
    };
    reader.readAsText(file);
  });

  // Shows what needs this script, and puts the shortcut switch as it was left.
  function enhance(root) {
    root.querySelectorAll("[data-needs-script]").forEach(function (element) {
      element.hidden = false;
    });
    root.querySelectorAll("[data-shortcuts-toggle]").forEach(function (toggle) {
      toggle.checked = shortcutsOn(toggle.dataset.shortcutsToggle);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    tick();
    setInterval(tick, 1000);
  });
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
    tick();
  });
})();
