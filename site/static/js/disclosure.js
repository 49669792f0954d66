// A <details data-open-from="48rem"> is open while the window is at least that wide, and closed
// below it (then its <summary> is the one button that shows it). Without JavaScript it starts
// closed at every width; its summary opens it.
(function () {
  "use strict";
  document.querySelectorAll("details[data-open-from]").forEach(function (details) {
    var wide = window.matchMedia("(min-width: " + details.dataset.openFrom + ")");
    var follow = function () {
      details.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
  });
})();
