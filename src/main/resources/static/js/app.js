// Captcha images refresh on click and after any htmx request (the server uses each answer once).
(function () {
  function refreshCaptchas() {
    document.querySelectorAll('img.captcha-image').forEach(function (img) {
      img.src = img.src.split('?')[0] + '?t=' + Date.now();
    });
  }
  document.addEventListener('click', function (event) {
    if (event.target.matches('img.captcha-image')) {
      refreshCaptchas();
    }
    var confirmText = event.target.closest('[data-confirm]');
    if (confirmText && !window.confirm(confirmText.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  document.addEventListener('htmx:afterRequest', refreshCaptchas);
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-check-all]')) {
      var name = event.target.getAttribute('data-check-all');
      document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });
})();

// Evidence images open in a lightbox; without script the link opens the image itself.
document.addEventListener('click', function (event) {
  var link = event.target.closest('a.lightbox');
  var modal = document.getElementById('lightbox');
  if (!link || !modal || !window.bootstrap) {
    return;
  }
  event.preventDefault();
  document.getElementById('lightbox-image').src = link.href;
  document.getElementById('lightbox-caption').textContent = link.getAttribute('data-caption') || '';
  window.bootstrap.Modal.getOrCreateInstance(modal).show();
});

// Picking a unit from the dictionary search fills the work form's unit fields.
document.addEventListener('click', function (event) {
  var pick = event.target.closest('[data-unit-id]');
  var results = pick && pick.closest('[data-unit-target]');
  if (!results) {
    return;
  }
  event.preventDefault();
  document.querySelector(results.getAttribute('data-unit-id-target')).value = pick.getAttribute('data-unit-id');
  var name = pick.querySelector('.unit-name');
  document.querySelector(results.getAttribute('data-unit-target')).value = name ? name.textContent.trim() : '';
  results.querySelectorAll('#unit-results-list').forEach(function (list) { list.remove(); });
});

// A notice modal (data-show-once) opens by itself once per browser session and value, not on every visit.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.modal[data-show-once]').forEach(function (modal) {
    var key = 'shown-' + modal.id;
    var value = modal.getAttribute('data-show-once');
    if (!window.bootstrap || window.sessionStorage.getItem(key) === value) {
      return;
    }
    window.sessionStorage.setItem(key, value);
    window.bootstrap.Modal.getOrCreateInstance(modal).show();
  });
});
