// Draws the dashboard and metrics charts from the data attributes of each canvas[data-chart]:
// data-labels and data-values (data-values2 for a second series) are lists joined by "|"; an empty value is a gap.
// Every chart has a table of the same numbers beside it, so nothing is lost without JavaScript.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") {
    return;
  }
  var COLOURS = ["#2f6f5e", "#b5651d"];

  function list(text) {
    return (text || "").split("|");
  }

  function numbers(text) {
    return list(text).map(function (value) { return value === "" ? null : Number(value); });
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var kind = canvas.dataset.chart;
    if (kind !== "line" && kind !== "bar" && kind !== "grouped-bar") {
      return;
    }
    var datasets = [{ label: canvas.dataset.label, data: numbers(canvas.dataset.values),
                      backgroundColor: COLOURS[0], borderColor: COLOURS[0] }];
    if (kind === "grouped-bar") {
      datasets.push({ label: canvas.dataset.label2, data: numbers(canvas.dataset.values2),
                      backgroundColor: COLOURS[1], borderColor: COLOURS[1] });
    }
    var y = { beginAtZero: true };
    if (canvas.dataset.max) {
      y.max = Number(canvas.dataset.max);
    }
    new Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: { labels: list(canvas.dataset.labels), datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 plugins: { legend: { display: kind === "grouped-bar" } }, scales: { y: y } }
    });
  });
});
