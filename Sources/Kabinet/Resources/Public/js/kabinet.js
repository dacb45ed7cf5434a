// Small helpers only; every page works without this file.
document.addEventListener("click", function (event) {
  var toggle = event.target.closest("[data-toggle]");
  if (toggle) {
    var target = document.getElementById(toggle.getAttribute("data-toggle"));
    if (target) target.classList.toggle("open");
  }
  var confirmButton = event.target.closest("[data-confirm]");
  if (confirmButton && !window.confirm(confirmButton.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});
// «Продукты ▾»: a click elsewhere closes an open dropdown (it opens and works without this).
document.addEventListener("click", function (event) {
  document.querySelectorAll("details.dropdown[open]").forEach(function (dropdown) {
    if (!dropdown.contains(event.target)) dropdown.removeAttribute("open");
  });
});
// The calculator's basis switch: dim the amount that will not be used.
document.addEventListener("change", function (event) {
  if (event.target.name === "basis") markBasis(event.target.form);
  var limits = event.target.getAttribute && event.target.getAttribute("data-limits");
  if (limits) {
    var hint = document.getElementById(limits);
    var option = event.target.options[event.target.selectedIndex];
    if (hint && option) hint.textContent = option.getAttribute("data-hint") || "";
  }
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.calculator").forEach(markBasis);
});
function markBasis(form) {
  var chosen = form.querySelector("input[name=basis]:checked");
  form.querySelectorAll("[data-basis]").forEach(function (field) {
    field.classList.toggle("inactive", !!chosen && field.getAttribute("data-basis") !== chosen.value);
  });
}
// Contract form: a block marked data-show-when="name=value" (or "name!=value") is shown only while that input
// has that value — the foreign-citizen documents, a TIN after «Да», the actual address, the separate
// policyholder. The server renders the same state, so the form works without this.
function formValue(form, name) {
  var value = "";
  form.querySelectorAll("[name]").forEach(function (input) {
    if (input.name !== name) return;
    if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
    value = input.value;
  });
  return value;
}
function applyShowWhen(form) {
  form.querySelectorAll("[data-show-when]").forEach(function (block) {
    var rule = block.getAttribute("data-show-when");
    var negated = rule.indexOf("!=") >= 0;
    var parts = rule.split(negated ? "!=" : "=");
    var matches = formValue(form, parts[0]) === parts[1];
    block.hidden = negated ? matches : !matches;
  });
}
document.addEventListener("change", function (event) {
  var form = event.target.form;
  if (form && form.classList.contains("contract-form")) applyShowWhen(form);
});
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.contract-form").forEach(applyShowWhen);
});
// The card's «скопировать»: copies the contract number.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    button.textContent = button.getAttribute("data-copied");
  });
});
// The contract card follows the client: while a signing or a payment is under way it asks the server every few
// seconds and reloads when the status changes (the seed had the agent refresh the page by hand).
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.querySelector("[data-live-state]");
  if (!panel || !window.fetch) return;
  var url = panel.getAttribute("data-live-state");
  var shown = panel.getAttribute("data-status") + "/" + panel.getAttribute("data-payment");
  var timer = setInterval(function () {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.status + "/" + state.payment !== shown) { clearInterval(timer); window.location.reload(); }
      })
      .catch(function () {});
  }, 4000);
});
// «Отчеты»: while a request is queued or building, the list asks `/reports/state` every few seconds and rewrites
// each line's status («Формируется 40%» → «Обработан»), the date received and the download link in place.
document.addEventListener("DOMContentLoaded", function () {
  var table = document.querySelector("[data-report-state]");
  if (!table || !window.fetch) return;
  var url = table.getAttribute("data-report-state");
  var timer = setInterval(function () {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (lines) {
        if (!lines) return;
        var moving = false;
        lines.forEach(function (line) {
          var row = table.querySelector('[data-report-id="' + line.id + '"]');
          if (!row) return;
          var status = row.querySelector('[data-role="status"]');
          status.textContent = line.statusText;
          status.className = "report-status report-" + line.status;
          row.querySelector('[data-role="received"]').textContent = line.receivedAt;
          var number = row.querySelector('[data-role="number"]');
          if (line.download && number.tagName !== "A") {
            var link = document.createElement("a");
            link.href = line.download;
            link.setAttribute("data-role", "number");
            link.setAttribute("data-testid", "report-download");
            link.textContent = number.textContent;
            number.replaceWith(link);
          }
          if (line.status === "queued" || line.status === "running") moving = true;
        });
        if (!moving) clearInterval(timer);
      })
      .catch(function () {});
  }, 2000);
});
// The report form: «Выбрать все» and the single choices of a list exclude each other; «Очистить» empties the period.
document.addEventListener("change", function (event) {
  var list = event.target.closest && event.target.closest("fieldset[data-multi]");
  if (!list || event.target.type !== "checkbox") return;
  var all = list.querySelector("[data-all]");
  var singles = list.querySelectorAll(".multi-options input[type=checkbox]");
  if (event.target === all) {
    if (all.checked) singles.forEach(function (box) { box.checked = false; });
  } else {
    var any = Array.prototype.some.call(singles, function (box) { return box.checked; });
    all.checked = !any;
  }
});
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-clear]");
  if (!button || !button.form) return;
  button.getAttribute("data-clear").split(",").forEach(function (name) {
    var input = button.form.querySelector('[name="' + name + '"]');
    if (input) input.value = "";
  });
});
