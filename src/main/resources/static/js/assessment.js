/*
 * Autosave for the answering page (progressive enhancement: without this script the Save buttons do the same).
 * Every change is saved on its own through the API with the version it started from. A save that fails is kept
 * (also across reloads, in localStorage) and retried; a change someone else saved first is shown as a conflict for
 * the person to choose. Nothing typed is dropped silently.
 */
(function () {
  'use strict';

  var form = document.getElementById('answer-form');
  if (!form || !window.fetch || !window.JSON) {
    return;
  }
  var api = form.getAttribute('data-api');
  var aspect = form.querySelector('input[name="aspect"]').value;
  var storageKey = 'platform-maturity:pending:' + api;
  var stateLine = document.getElementById('save-state');
  var progress = document.getElementById('progress');
  var progressLabel = document.getElementById('progress-label');
  var csrf = { header: meta('_csrf_header'), token: meta('_csrf') };
  var pending = {};   // key -> number of the latest change waiting to be saved
  var confirming = {}; // key -> true when the waiting change confirms a carried-over answer
  var unresolved = {}; // key -> true while a conflict or problem waits for the person
  var changes = 0;
  var inFlight = {};  // key -> true while a request runs
  var timers = {};
  var attempts = {};

  form.classList.add('answer-form--autosave');

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function text(name, a, b) {
    return (form.getAttribute('data-' + name) || stateLine.getAttribute('data-' + name) || '')
      .replace('{0}', a).replace('{1}', b);
  }

  function fieldsetOf(key) {
    return form.querySelector('fieldset[data-question="' + key + '"]');
  }

  function setState(name) {
    stateLine.textContent = stateLine.getAttribute('data-' + name) || '';
    stateLine.className = 'save-state save-state--' + name;
  }

  /* Saved only when nothing waits to be saved and nothing waits for the person's choice. */
  function settle() {
    if (Object.keys(pending).length) {
      setState('saving');
    } else if (Object.keys(unresolved).length) {
      setState('failed');
    } else {
      setState('saved');
    }
  }

  function currentValues(fieldset) {
    var checked = fieldset.querySelector('input[data-role="option"]:checked');
    var option = checked ? checked.value : null;
    return {
      option: option === 'na' ? null : option,
      notApplicable: option === 'na',
      comment: fieldset.querySelector('textarea[data-role="comment"]').value
    };
  }

  function remember() {
    var stored = {};
    Object.keys(pending).forEach(function (key) {
      if (key === 'target') {
        stored.target = { level: targetSelect().value, version: targetVersion() };
      } else {
        var fieldset = fieldsetOf(key);
        var values = currentValues(fieldset);
        values.version = Number(fieldset.getAttribute('data-version'));
        stored[key] = values;
      }
    });
    try {
      if (Object.keys(stored).length) {
        localStorage.setItem(storageKey, JSON.stringify(stored));
      } else {
        localStorage.removeItem(storageKey);
      }
    } catch (storageUnavailable) {
      // private browsing without storage: the retry in this page still holds
    }
  }

  function schedule(key, delay, confirm) {
    pending[key] = ++changes;
    if (confirm) {
      confirming[key] = true;
    }
    remember();
    setState('saving');
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { send(key); }, delay);
  }

  function request(key) {
    if (key === 'target') {
      var level = targetSelect().value;
      return {
        url: api + '/targets/' + encodeURIComponent(aspect),
        body: { level: level === '' ? null : Number(level), version: targetVersion() }
      };
    }
    var fieldset = fieldsetOf(key);
    var values = currentValues(fieldset);
    values.version = Number(fieldset.getAttribute('data-version'));
    values.confirm = confirming[key] === true;
    return { url: api + '/answers/' + encodeURIComponent(key), body: values };
  }

  function send(key) {
    if (!pending[key]) {
      return;
    }
    if (inFlight[key]) {
      timers[key] = setTimeout(function () { send(key); }, 300);
      return;
    }
    var call = request(key);
    var sentAs = pending[key];
    inFlight[key] = true;
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrf.header && csrf.token) {
      headers[csrf.header] = csrf.token;
    }
    fetch(call.url, { method: 'PUT', headers: headers, body: JSON.stringify(call.body), credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (body) {
          var json = null;
          try { json = body ? JSON.parse(body) : null; } catch (notJson) { json = null; }
          return { status: response.status, json: json };
        });
      })
      .then(function (result) {
        inFlight[key] = false;
        if (result.status === 200) {
          saved(key, result.json, sentAs);
        } else if (result.status === 409 && result.json && result.json.current) {
          conflict(key, result.json);
        } else if (result.status === 401) {
          setState('offline');
          retry(key);
        } else if (result.status === 403) {
          refreshCsrf().then(function () { retry(key); });
        } else if (result.status === 400 || result.status === 404 || result.status === 409) {
          problem(key, result.json && result.json.detail);
        } else {
          retry(key);
        }
      })
      .catch(function () {
        inFlight[key] = false;
        retry(key);
      });
  }

  function retry(key) {
    attempts[key] = (attempts[key] || 0) + 1;
    if (stateLine.className.indexOf('offline') < 0) {
      setState('failed');
    }
    var delay = Math.min(30000, 1000 * Math.pow(2, Math.min(attempts[key], 5)));
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { send(key); }, delay);
  }

  function refreshCsrf() {
    return fetch(form.getAttribute('data-csrf-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (token) {
        if (token) {
          csrf = { header: token.headerName, token: token.token };
          form.querySelectorAll('input[name="_csrf"]').forEach(function (input) { input.value = token.token; });
        }
      })
      .catch(function () { /* retried with the next attempt */ });
  }

  function finished(key) {
    delete pending[key];
    delete confirming[key];
    delete unresolved[key];
    attempts[key] = 0;
    remember();
    settle();
  }

  function saved(key, json, sentAs) {
    if (key === 'target') {
      setTargetVersion(json.version);
      form.querySelector('input[name="original-target"]').value = json.level === null ? '' : json.level;
    } else {
      var fieldset = fieldsetOf(key);
      var answer = json.answer;
      setVersion(fieldset, answer.version);
      fieldset.querySelector('input[data-role="original-option"]').value = optionOf(key, answer);
      fieldset.querySelector('input[data-role="original-comment"]').value = answer.comment || '';
      if (!answer.carriedOver) {
        var carried = fieldset.querySelector('[data-role="carried-over"]');
        if (carried) { carried.parentNode.removeChild(carried); }
      }
      clearMessage(fieldset);
      updateProgress(json.questions);
    }
    if (pending[key] === sentAs) {
      finished(key);
    } else {
      send(key);
    }
  }

  /* The radio value of a saved answer: question:level, na, or empty. */
  function optionOf(key, answer) {
    return answer.notApplicable ? 'na' : (answer.level ? key + ':' + answer.level : '');
  }

  function setVersion(fieldset, version) {
    fieldset.setAttribute('data-version', version);
    fieldset.querySelector('input[data-role="version"]').value = version;
  }

  function targetSelect() {
    return form.querySelector('select[data-role="target"]');
  }

  function targetVersion() {
    return Number(form.querySelector('input[data-role="target-version"]').value);
  }

  function setTargetVersion(version) {
    form.querySelector('input[data-role="target-version"]').value = version;
  }

  /*
   * Counted on the page rather than taken from the responses, which can arrive out of order: the other aspects'
   * reviewed and carried-over answers (from the server) plus this aspect's saved answers. An answer is reviewed once
   * it is saved this quarter, and carried over while it still shows the mark.
   */
  function updateProgress(questions) {
    var here = 0;
    var carried = 0;
    form.querySelectorAll('fieldset[data-question]').forEach(function (fieldset) {
      if (fieldset.querySelector('[data-role="carried-over"]')) {
        carried++;
      } else if (fieldset.querySelector('input[data-role="original-option"]').value) {
        here++;
      }
    });
    var reviewed = Number(progress.getAttribute('data-other-aspects')) + here;
    progress.value = reviewed;
    progress.max = questions;
    if (progressLabel) {
      progressLabel.textContent = text('progress', reviewed, questions);
    }
    var carriedLabel = document.getElementById('carried-over-count');
    if (carriedLabel) {
      var carriedOver = Number(carriedLabel.getAttribute('data-other-aspects')) + carried;
      carriedLabel.textContent = carriedOver ? carriedLabel.getAttribute('data-text').replace('{0}', carriedOver) : '';
    }
    var link = document.querySelector('[data-aspect-link="' + aspect + '"] .aspect-nav__count');
    if (link) {
      link.textContent = here + '/' + form.querySelectorAll('fieldset[data-question]').length;
    }
  }

  function clearMessage(container) {
    var old = container.querySelector('.autosave-message');
    if (old) { old.parentNode.removeChild(old); }
  }

  function message(container, kind, lines, buttons) {
    clearMessage(container);
    var box = document.createElement('div');
    box.className = 'notice notice--' + kind + ' autosave-message';
    box.setAttribute('role', 'alert');
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      box.appendChild(p);
    });
    (buttons || []).forEach(function (button) {
      var element = document.createElement('button');
      element.type = 'button';
      element.className = 'secondary';
      element.textContent = button.label;
      element.addEventListener('click', button.action);
      box.appendChild(element);
    });
    var legend = container.querySelector('legend');
    if (legend && legend.nextSibling) {
      container.insertBefore(box, legend.nextSibling);
    } else {
      container.appendChild(box);
    }
  }

  function problem(key, detail) {
    delete pending[key];
    unresolved[key] = true;
    remember();
    settle();
    var container = key === 'target' ? form.querySelector('.target-field') : fieldsetOf(key);
    message(container, 'error', [detail || '']);
  }

  /* Someone else saved first: show their answer, keep mine on screen, and let the person choose. */
  function conflict(key, problemJson) {
    if (key === 'target') {
      problem(key, problemJson.detail);
      return;
    }
    var fieldset = fieldsetOf(key);
    var theirs = problemJson.current;
    delete pending[key];
    unresolved[key] = true;
    remember();
    settle();
    var theirLabel = theirs.notApplicable ? form.getAttribute('data-not-applicable') : optionLabel(fieldset, optionOf(key, theirs));
    var lines = [text('conflict', theirs.updatedBy || '?', theirLabel)];
    if (theirs.comment) { lines.push('“' + theirs.comment + '”'); }
    message(fieldset, 'warning', lines, [
      { label: form.getAttribute('data-keep-mine'), action: function () {
        setVersion(fieldset, theirs.version);
        clearMessage(fieldset);
        schedule(key, 0);
      } },
      { label: form.getAttribute('data-take-theirs'), action: function () {
        setVersion(fieldset, theirs.version);
        fieldset.querySelectorAll('input[data-role="option"]').forEach(function (radio) {
          radio.checked = radio.value === optionOf(key, theirs);
        });
        fieldset.querySelector('textarea[data-role="comment"]').value = theirs.comment || '';
        fieldset.querySelector('input[data-role="original-option"]').value = optionOf(key, theirs);
        fieldset.querySelector('input[data-role="original-comment"]').value = theirs.comment || '';
        countCharacters(fieldset);
        clearMessage(fieldset);
        delete unresolved[key];
        settle();
      } }
    ]);
  }

  function optionLabel(fieldset, option) {
    if (!option) {
      return form.getAttribute('data-no-answer');
    }
    var radio = fieldset.querySelector('input[data-role="option"][value="' + option + '"]');
    var label = radio && radio.closest('label').querySelector('strong');
    return label ? label.textContent : option;
  }

  function countCharacters(fieldset) {
    var area = fieldset.querySelector('textarea[data-role="comment"]');
    var count = fieldset.querySelector('[data-role="count"]');
    if (area && count) {
      // Characters as the server counts them: Unicode code points, so an emoji is one.
      count.textContent = text('chars', Array.from(area.value).length, area.getAttribute('data-max-length'));
    }
  }

  form.querySelectorAll('fieldset[data-question]').forEach(function (fieldset) {
    var key = fieldset.getAttribute('data-question');
    fieldset.querySelectorAll('input[data-role="option"]').forEach(function (radio) {
      radio.addEventListener('change', function () { schedule(key, 0); });
      // Choosing the option a carried-over answer already has confirms it; the radio reports no change then.
      radio.addEventListener('click', function () {
        var original = fieldset.querySelector('input[data-role="original-option"]').value;
        if (radio.value === original && fieldset.querySelector('[data-role="carried-over"]')) {
          schedule(key, 0, true);
        }
      });
    });
    var area = fieldset.querySelector('textarea[data-role="comment"]');
    area.addEventListener('input', function () { countCharacters(fieldset); schedule(key, 1200); });
    area.addEventListener('blur', function () { if (pending[key]) { schedule(key, 0); } });
    var confirmButton = fieldset.querySelector('button[data-role="confirm"]');
    if (confirmButton) {
      confirmButton.addEventListener('click', function (event) {
        event.preventDefault();
        schedule(key, 0, true);
      });
    }
  });
  var target = targetSelect();
  if (target) {
    target.addEventListener('change', function () { schedule('target', 0); });
  }

  /* Leaving by a Save button while saves are running: wait for them, then submit as asked. */
  form.addEventListener('submit', function (event) {
    if (Object.keys(pending).length === 0) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    Object.keys(pending).forEach(function (key) { clearTimeout(timers[key]); send(key); });
    var waited = 0;
    var wait = setInterval(function () {
      waited += 200;
      if (Object.keys(pending).length === 0 || waited > 10000) {
        clearInterval(wait);
        if (Object.keys(pending).length === 0) {
          if (form.requestSubmit && submitter) { form.requestSubmit(submitter); } else { form.submit(); }
        }
      }
    }, 200);
  });

  window.addEventListener('beforeunload', function (event) {
    if (Object.keys(pending).length) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  /* Changes that could not be saved before the page was left come back and are saved now. */
  (function restore() {
    var stored;
    try { stored = JSON.parse(localStorage.getItem(storageKey) || '{}'); } catch (unreadable) { stored = {}; }
    Object.keys(stored).forEach(function (key) {
      var values = stored[key];
      if (key === 'target') {
        if (target && values.version === targetVersion()) {
          target.value = values.level;
          schedule('target', 0);
        }
        return;
      }
      var fieldset = fieldsetOf(key);
      if (!fieldset) {
        return;
      }
      fieldset.querySelectorAll('input[data-role="option"]').forEach(function (radio) {
        radio.checked = values.notApplicable ? radio.value === 'na' : radio.value === values.option;
      });
      fieldset.querySelector('textarea[data-role="comment"]').value = values.comment || '';
      countCharacters(fieldset);
      // Sent with the version the change started from: if someone saved since, the server reports a conflict.
      setVersion(fieldset, values.version);
      schedule(key, 0);
    });
  })();
}());
