// Status and clause versions for the reader's day: the page is built with the build date's answer (the
// no-JavaScript fallback, which states that date); this redoes both for today's date on the reader's device.

// Today's date on the reader's device, as YYYY-MM-DD in local time.
function today() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().split("T")[0];
}

// Fill a wording's {start}, {end} and {today} placeholders.
function fill(wording, start, end, day) {
  return wording.replace("{start}", start).replace("{end}", end).replace("{today}", day);
}

// The status of one measure's period on a day: a period that starts later is never in force.
function status(node, day) {
  const start = node.getAttribute("data-start");
  const end = node.getAttribute("data-end");
  const key = day < start ? "data-not-yet" : !end ? "data-no-end" : end < day ? "data-expired" : "data-in-force";
  return fill(node.getAttribute(key), start, end, day);
}

// Show the version of each amended clause whose period contains the day, hide the others.
function showVersions(day) {
  document.querySelectorAll(".hb-version").forEach((version) => {
    const from = version.getAttribute("data-from");
    const until = version.getAttribute("data-until");
    version.hidden = !((!from || from <= day) && (!until || day <= until));
  });
}

// Redo the page's status lines and clause versions for today.
function run() {
  const day = today();
  document.querySelectorAll(".hb-status[data-start]").forEach((node) => {
    node.querySelector(".hb-status-text").textContent = status(node, day);
  });
  showVersions(day);
}

if (typeof document$ !== "undefined") { document$.subscribe(run); } else { run(); }
