// The account menu in the header is a <details> element, so it works without script; this closes it on Escape
// (back to its button) or on a click elsewhere on the page.
(function () {
  'use strict';

  function openMenus() {
    return document.querySelectorAll('details.account-menu[open]');
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    openMenus().forEach(function (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
    });
  });

  document.addEventListener('click', function (event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.open = false;
      }
    });
  });
})();
