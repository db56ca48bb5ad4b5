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
