// The merchant's page works without this script (every change is a form POST); the script only keeps the status,
// activity and import panels current and warns at once when a setting breaks the guide's rule.
(function () {
  'use strict';

  // A panel with data-refresh reloads itself every data-every seconds from that URL, which answers the panel alone.
  // It is not swapped while focus is inside it (a keyboard user would lose their place); it stops when the new
  // panel has no data-refresh (an import that finished). A 401 means the session ended: the page signs in again.
  function schedule(panel) {
    var seconds = parseFloat(panel.getAttribute('data-every')) || 5;
    setTimeout(function () { reload(panel); }, seconds * 1000);
  }

  function reload(panel) {
    if (panel.contains(document.activeElement)) { schedule(panel); return; }
    fetch(panel.getAttribute('data-refresh'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (answer) {
        if (answer.status === 401) { window.location.assign('/ui/sign-in'); return null; }
        return answer.ok ? answer.text() : null;
      })
      .then(function (html) {
        if (html === null) { schedule(panel); return; }
        var holder = document.createElement('template');
        holder.innerHTML = html.trim();
        var fresh = holder.content.firstElementChild;
        if (!fresh) { schedule(panel); return; }
        panel.replaceWith(fresh);
        watch(fresh);
      })
      .catch(function () { schedule(panel); });
  }

  function watch(panel) {
    if (panel.hasAttribute('data-refresh')) { schedule(panel); }
  }

  document.querySelectorAll('[data-refresh]').forEach(watch);

  // The guide's rule, shown as soon as it is broken: the after-import status must not be a download status.
  var afterImport = document.getElementById('after_import_status_id');
  var conflict = document.getElementById('conflict-after-import');
  function checkConflict() {
    var box = afterImport.value && document.getElementById('download-' + afterImport.value);
    conflict.hidden = !(box && box.checked);
  }
  if (afterImport && conflict) {
    afterImport.addEventListener('change', checkConflict);
    document.querySelectorAll('input[name=download_status_ids]').forEach(function (box) {
      box.addEventListener('change', checkConflict);
    });
    checkConflict();
  }
})();
