// The rubric import form: a chosen file is read into the JSON box, which is what the form sends. The box works
// without this script too; the file field is shown only with it.
function tangoShowRubricFileFields(root) {
  root.querySelectorAll("[data-rubric-file]").forEach(function (field) {
    field.hidden = false;
  });
}
document.addEventListener("DOMContentLoaded", function () {
  tangoShowRubricFileFields(document);
});
document.addEventListener("htmx:load", function (event) {
  tangoShowRubricFileFields(event.target);
});

document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[type=file][data-file-into]") || !input.files || !input.files[0]) {
    return;
  }
  var file = input.files[0];
  var box = document.getElementById(input.getAttribute("data-file-into"));
  var reader = new FileReader();
  reader.onload = function () {
    box.value = reader.result;
    box.removeAttribute("aria-invalid");
    box.focus();
  };
  reader.onerror = function () {
    box.value = "";
    box.setAttribute("aria-invalid", "true");
  };
  reader.readAsText(file);
});
