// Sends the CSRF token with every htmx request, from the <meta> tags the layout renders.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// After htmx swaps in new content, move focus to its first alert so keyboard and screen-reader users hear the result.
document.addEventListener("htmx:afterSwap", function (event) {
  var alert = event.detail.target.querySelector('[role="alert"], [role="status"]');
  if (alert) {
    alert.setAttribute("tabindex", "-1");
    alert.focus();
  }
});

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
