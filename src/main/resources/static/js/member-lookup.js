// "Add a member" suggests people while an administrator types part of a name or username: it asks the server who
// matches and fills the field's list of suggestions (a <datalist>), where the browser offers them to choose from.
// Without script the Add button does the same: it lists who matches, each with an Add button of its own.
(function () {
  'use strict';

  document.querySelectorAll('input[data-lookup][list]').forEach(function (input) {
    var suggestions = document.getElementById(input.getAttribute('list'));
    var asked = null;
    var pause;

    function suggest(people) {
      suggestions.replaceChildren.apply(suggestions, people.map(function (person) {
        var option = document.createElement('option');
        option.value = person.username;
        option.label = person.name + ' (' + person.username + ')';
        return option;
      }));
    }

    function ask(typed) {
      asked = typed;
      fetch(input.dataset.lookup + '?q=' + encodeURIComponent(typed), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        return response.ok ? response.json() : [];
      }).then(function (people) {
        if (input.value.trim() === typed) {
          suggest(people);
        }
      }).catch(function () {
        asked = null;
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(pause);
      var typed = input.value.trim();
      if (typed === '') {
        asked = null;
        suggest([]);
        return;
      }
      if (typed !== asked) {
        pause = setTimeout(function () { ask(typed); }, 200);
      }
    });
  });
})();
