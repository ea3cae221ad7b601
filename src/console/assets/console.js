// Staff console: progressive enhancement only. Every page works without this file.
(function () {
  'use strict';
  document.querySelectorAll('[data-autosubmit]').forEach(function (el) {
    el.addEventListener('change', function () {
      el.form && el.form.submit();
    });
  });
  document.querySelectorAll('.js-hide').forEach(function (el) {
    el.hidden = true;
  });
  // One submission per click: a second click while the page loads would post the form again.
  document.querySelectorAll('form[method="post"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (b) {
        b.disabled = true;
      });
    });
  });

  var rows = document.getElementById('queue-rows');
  var changed = document.getElementById('changed');
  if (!rows && !changed) return;
  if (!('EventSource' in window)) return;
  var source = new EventSource('/console/events');
  var pending = false;
  function refreshRows() {
    if (pending) return;
    pending = true;
    fetch(rows.getAttribute('data-live') + window.location.search, { credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.text() : Promise.reject(res.status);
      })
      .then(function (text) {
        rows.innerHTML = text;
      })
      .catch(function () {
        /* the next event retries */
      })
      .then(function () {
        pending = false;
      });
  }
  source.addEventListener('open', function () {
    var live = document.getElementById('live');
    if (live) live.hidden = false;
  });
  source.addEventListener('change', function (event) {
    var data = {};
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      /* keep {} */
    }
    if (rows) refreshRows();
    if (changed && (!data.ticketId || data.ticketId === changed.getAttribute('data-ticket'))) changed.hidden = false;
  });
})();
