// Status and clause versions for the reader's day: the page is built with the build date's answer (the
// no-JavaScript fallback, which states that date); this redoes both for today's date on the reader's device.
(function () {
  "use strict";

  // Today's date on the reader's device, as YYYY-MM-DD in local time.
  function today() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().split("T")[0];
  }

  // Fill a wording's {start}, {end} and {today} placeholders.
  function fill(wording, start, end, day) {
    return wording.replace("{start}", start).replace("{end}", end).replace("{today}", day);
  }

  // The status of one measure's period on a day: a period that starts later is never in force.
  function status(node, day) {
    var start = node.getAttribute("data-start"), end = node.getAttribute("data-end");
    var key = day < start ? "data-not-yet" : !end ? "data-no-end" : end < day ? "data-expired" : "data-in-force";
    return fill(node.getAttribute(key), start, end, day);
  }

  // Show the version of each amended clause whose period contains the day, hide the others.
  function showVersions(day) {
    Array.prototype.forEach.call(document.querySelectorAll(".hb-version"), function (version) {
      var from = version.getAttribute("data-from"), until = version.getAttribute("data-until");
      version.hidden = !((!from || from <= day) && (!until || day <= until));
    });
  }

  // Redo the page's status lines and clause versions for today.
  function run() {
    var day = today();
    Array.prototype.forEach.call(document.querySelectorAll(".hb-status[data-start]"), function (node) {
      node.querySelector(".hb-status-text").textContent = status(node, day);
    });
    showVersions(day);
  }

  if (typeof document$ !== "undefined") { document$.subscribe(run); } else { document.addEventListener("DOMContentLoaded", run); }
})();
