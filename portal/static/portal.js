// clientgate portal: small enhancements. Every page works without them.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  // The main menu collapses behind a button on narrow screens.
  var toggle = document.querySelector(".menu-toggle");
  var nav = document.getElementById("nav");
  if (toggle && nav) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("open", !open);
    });
  }

  // Copy buttons copy the value of the input they name.
  document.querySelectorAll(".js-copy").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("copy-status");
    if (!input) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () {
        if (status) {
          status.textContent = button.getAttribute("data-copied");
        }
      };
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () {});
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  });

  // A client who has no time zone saved gets the browser's, once.
  var target = root.getAttribute("data-detect-zone");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (target && token && window.fetch && window.Intl) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      fetch(target, {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token.getAttribute("content")},
        body: "timezone=" + encodeURIComponent(zone)
      }).then(function (resp) {
        if (resp.ok && root.getAttribute("data-zone") !== zone) {
          window.location.reload();
        }
      }, function () {});
    }
  }
})();
