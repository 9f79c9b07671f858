/*
 * The answering page with script (progressive enhancement: without it the form and its buttons do the same).
 *
 * One saver per question, and one per aspect's target, saves each change on its own through the API with the version
 * the change started from: a choice at once, a comment after a pause. A change waiting to be saved is kept in
 * localStorage, so that it survives a reload, a sign-out or a closed tab and is saved when the page opens again.
 * A failed save is retried with back-off (network failures and 5xx; a 503 of an outage shown as such, its
 * Retry-After respected); 401 stops the retries until the person has signed in again; an expired CSRF token is
 * renewed once; a refused change (400) is shown beside its question with the text kept. A change someone else saved first is shown as a conflict for the person to choose.
 * Moving between aspects fetches the next aspect's part of the page; the savers carry on meanwhile.
 */
(() => {
  'use strict';

  const form = document.getElementById('answer-form');
  if (!form || !window.fetch || !window.DOMParser || !window.Intl) {
    return;
  }
  document.documentElement.classList.add('answer-script');

  const api = form.dataset.api;
  const status = document.getElementById('answer-status');
  const stateLine = document.getElementById('save-state');
  const signedOutNotice = document.getElementById('signed-out');
  const notOpened = document.getElementById('not-opened');
  const nav = document.getElementById('aspect-nav');
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const RETRYABLE = [0, 408, 429];
  let panel = document.getElementById('aspect-panel');
  let leaving = false;

  /** A message with {0}, {1}… filled in; numbers formatted as the server formats them, in the page's language. */
  function format(template, ...values) {
    return (template || '').replace(/\{(\d)\}/g, (placeholder, index) => {
      const value = values[Number(index)];
      return typeof value === 'number' ? numbers.format(value) : String(value === undefined ? placeholder : value);
    });
  }

  function wait(milliseconds) {
    return new Promise((resolve) => setTimeout(resolve, milliseconds));
  }

  /* --- Talking to the API --- */

  const csrf = { header: meta('_csrf_header'), token: meta('_csrf') };

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  /** One request: {status, json, retryAfter}, status 0 when the network failed. Never rejects. */
  async function call(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (csrf.header && csrf.token) {
      headers[csrf.header] = csrf.token;
    }
    try {
      const response = await fetch(url, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
      });
      const text = await response.text();
      let json = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch (notJson) {
        json = null;
      }
      return { status: response.status, json, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
    } catch (networkFailure) {
      return { status: 0, json: null, retryAfter: 0 };
    }
  }

  /**
   * A change. 403 can mean a CSRF token that no longer belongs to the session (signed in again, in another tab):
   * renew the token once and send again. When renewing answers 401, the person is signed out.
   */
  async function change(method, url, body) {
    const result = await call(method, url, body);
    if (result.status !== 403) {
      return result;
    }
    const renewed = await renewToken();
    return renewed === 200 ? call(method, url, body) : { status: renewed, json: null, retryAfter: 0 };
  }

  /**
   * An aspect's part of the page (the main element, asked for with X-Fragment), parsed: {status: 200, page}; status
   * 401 when the request was sent to the sign-in page, 0 and elsewhere when it was sent to another page, the status
   * when it failed, 0 without network.
   */
  async function fetchPart(url) {
    try {
      const response = await fetch(url, {
        headers: { 'X-Fragment': 'page', Accept: 'text/html' }, credentials: 'same-origin'
      });
      if (new URL(response.url).pathname.endsWith('/login')) {
        return { status: 401, page: null };
      }
      if (!response.ok || response.redirected) {
        return { status: response.ok ? 0 : response.status, page: null, elsewhere: response.ok };
      }
      return { status: 200, page: new DOMParser().parseFromString(await response.text(), 'text/html') };
    } catch (networkFailure) {
      return { status: 0, page: null };
    }
  }

  /** A fresh CSRF token, taken from this aspect's part of the page, which needs a session: 200, 401 or a failure. */
  async function renewToken() {
    const part = await fetchPart(window.location.href);
    const token = part.page && part.page.querySelector('input[name="_csrf"]');
    if (!token) {
      return part.status === 200 ? 0 : part.status;
    }
    csrf.token = token.value;
    document.querySelectorAll('input[name="_csrf"]').forEach((input) => { input.value = csrf.token; });
    return 200;
  }

  /* Whether saves can go out now: not while signed out, nor while the aspect's answers are confirmed at once. */
  const connection = {
    signedOut: false,
    checking: false,
    hold: null,
    waiting: [],
    pauses: new Set(),

    async ready() {
      while (this.signedOut || this.hold) {
        await (this.hold || new Promise((resolve) => this.waiting.push(resolve)));
      }
    },

    lost() {
      this.signedOut = true;
      signedOutNotice.hidden = false;
      indicator.update();
    },

    /** Signed in again (in another tab, or by the link)? Asked when the person comes back or changes something. */
    async check() {
      if (!this.signedOut || this.checking) {
        return;
      }
      this.checking = true;
      const renewed = await renewToken();
      this.checking = false;
      if (renewed === 200) {
        this.signedOut = false;
        signedOutNotice.hidden = true;
        this.waiting.splice(0).forEach((resume) => resume());
        indicator.update();
      }
    },

    /** Waits before a retry; coming back online ends every wait at once. */
    pause(milliseconds) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.pauses.delete(done);
          resolve();
        };
        const timer = setTimeout(done, milliseconds);
        this.pauses.add(done);
      });
    },

    wake() {
      Array.from(this.pauses).forEach((done) => done());
    }
  };

  /** 1, 2, 4… up to 30 seconds, a little random so that many pages do not retry at the same moment. */
  function backOff(attempts, retryAfterSeconds) {
    const base = Math.min(30000, 1000 * Math.pow(2, attempts - 1)) * (0.8 + Math.random() * 0.4);
    return Math.min(60000, Math.max(base, retryAfterSeconds * 1000));
  }

  /* --- Changes kept in the browser until they are saved --- */

  const store = {
    key: 'platform-maturity:pending:' + api,

    read() {
      try {
        return JSON.parse(localStorage.getItem(this.key) || '{}') || {};
      } catch (unreadable) {
        return {};
      }
    },

    keep(saver) {
      const all = this.read();
      if (saver.wanted) {
        all[saver.subject] = saver.stored();
      } else {
        delete all[saver.subject];
      }
      try {
        if (Object.keys(all).length) {
          localStorage.setItem(this.key, JSON.stringify(all));
        } else {
          localStorage.removeItem(this.key);
        }
      } catch (storageUnavailable) {
        // private browsing without storage: the savers of this page still retry
      }
    }
  };

  /* --- Savers --- */

  const savers = new Map();

  /** Saves one subject's changes one after another, the latest change only, until nothing waits. */
  class Saver {
    constructor(subject) {
      this.subject = subject;
      this.saved = null;
      this.wanted = null;
      this.held = null;
      this.message = null;
      this.timer = null;
      this.running = null;
      this.attempts = 0;
      this.unavailable = false;
      this.element = null;
    }

    /** The person changed something: save it after a delay (milliseconds). */
    want(values, delay) {
      this.wanted = values;
      if (this.held === 'problem') {
        this.held = null;
        this.message = null;
        this.showSaved();
      }
      store.keep(this);
      clearTimeout(this.timer);
      this.timer = null;
      if (delay > 0) {
        this.timer = setTimeout(() => this.flush(), delay);
      } else {
        this.flush();
      }
      connection.check();
      indicator.update();
    }

    /** Sends what waits now; settles when nothing is left to send (saved, or waiting for the person). */
    flush() {
      clearTimeout(this.timer);
      this.timer = null;
      if (!this.running) {
        this.running = this.run().finally(() => {
          this.running = null;
          indicator.update();
        });
        indicator.update();
      }
      return this.running;
    }

    async run() {
      while (this.wanted && !this.held && !this.timer) {
        await connection.ready();
        const sent = this.wanted;
        if (!sent || this.held || this.timer) {
          break;
        }
        if (this.unchanged(sent)) {
          this.wanted = null;
          store.keep(this);
          break;
        }
        const result = await change('PUT', this.url(), this.body(sent));
        if (result.status === 200) {
          this.attempts = 0;
          this.unavailable = false;
          this.accept(result.json);
          if (this.wanted === sent) {
            this.wanted = null;
          }
          store.keep(this);
        } else if (result.status === 401) {
          connection.lost();
        } else if (result.status === 409 && result.json && result.json.current) {
          this.conflict(result.json.current, sent);
        } else if (RETRYABLE.includes(result.status) || result.status >= 500) {
          this.attempts++;
          this.unavailable = result.status === 503;
          indicator.update();
          await connection.pause(backOff(this.attempts, result.retryAfter));
        } else {
          this.problem(result.json && result.json.detail);
        }
      }
    }

    problem(detail) {
      this.held = 'problem';
      this.message = detail || panel.dataset.problem;
      this.showSaved();
      indicator.update();
    }
  }

  /** A question's answer: saved is {option, comment, version, carriedOver}; option is the radio value. */
  class QuestionSaver extends Saver {
    url() {
      return api + '/answers/' + encodeURIComponent(this.subject);
    }

    body(values) {
      return {
        option: values.option && values.option !== 'na' ? values.option : null,
        notApplicable: values.option === 'na',
        comment: values.comment,
        version: this.saved.version,
        confirm: Boolean(values.confirm)
      };
    }

    /** Sending the answer as saved changes nothing, unless it confirms a carried-over answer. */
    unchanged(values) {
      return values.option === this.saved.option && values.comment.trim() === (this.saved.comment || '').trim()
        && !this.saved.carriedOver;
    }

    stored() {
      const values = this.wanted;
      return {
        option: values.option && values.option !== 'na' ? values.option : null,
        notApplicable: values.option === 'na',
        comment: values.comment,
        confirm: Boolean(values.confirm),
        version: this.held === 'conflict' ? this.startedFrom : this.saved.version
      };
    }

    accept(json) {
      this.saved = savedAnswer(json.answer);
      progress.set(this.subject, json.answer.version, mark(json.answer));
      this.showSaved();
    }

    /**
     * Someone else saved first: theirs is now the saved answer, mine stays on screen until the person chooses. When
     * theirs is what I wanted (the same change saved from another tab), there is nothing to choose.
     */
    conflict(theirs, sent) {
      const saved = savedAnswer(theirs);
      if (saved.option === sent.option && saved.comment.trim() === sent.comment.trim()) {
        this.accept({ answer: theirs });
        if (this.wanted === sent) {
          this.wanted = null;
        }
        store.keep(this);
        return;
      }
      this.startedFrom = this.body(sent).version;
      this.saved = saved;
      this.theirs = theirs;
      this.held = 'conflict';
      this.conflictBox = null;
      progress.set(this.subject, theirs.version, mark(theirs));
      store.keep(this);
      this.showSaved();
      indicator.update();
    }

    keepMine() {
      this.clearConflict();
      this.want(this.read(), 0);
    }

    takeTheirs() {
      this.clearConflict();
      this.wanted = null;
      store.keep(this);
      this.showValues(this.saved);
      indicator.update();
    }

    clearConflict() {
      this.held = null;
      if (this.conflictBox) {
        this.conflictBox.remove();
        this.conflictBox = null;
      }
      this.element.querySelectorAll('input[name$=".held"]').forEach((input) => input.remove());
      this.showSaved();
    }

    /** What the person sees now on the page. */
    read() {
      const checked = this.element.querySelector('input[data-role="option"]:checked');
      return { option: checked ? checked.value : '', comment: this.element.querySelector('textarea').value };
    }

    /** The question is on screen (again): the page and the saver agree on what is saved and what waits. */
    bindTo(fieldset) {
      this.element = fieldset;
      const shown = {
        option: role(fieldset, 'original-option').value,
        comment: role(fieldset, 'original-comment').value,
        version: Number(fieldset.dataset.version),
        carriedOver: Boolean(role(fieldset, 'carried-over'))
      };
      if (!this.saved) {
        this.saved = shown;
        const conflict = role(fieldset, 'conflict');
        if (conflict || role(fieldset, 'problem').textContent) {
          this.held = conflict ? 'conflict' : 'problem';
          this.message = conflict ? null : role(fieldset, 'problem').textContent;
          this.conflictBox = conflict;
          this.startedFrom = shown.version;
          this.wanted = this.read();
          store.keep(this);
        }
      } else if (!this.wanted && !this.held && shown.version >= this.saved.version) {
        this.saved = shown;
      } else if (this.saved.option === undefined) {
        this.saved = Object.assign(shown, { version: this.saved.version });
      }
      this.showValues(this.wanted || this.saved);
      this.showSaved();
    }

    showValues(values) {
      if (!this.element) {
        return;
      }
      this.element.querySelectorAll('input[data-role="option"]').forEach((radio) => {
        radio.checked = radio.value === values.option;
      });
      const area = this.element.querySelector('textarea');
      if (area.value.trim() !== (values.comment || '').trim()) {
        area.value = values.comment || '';
      }
      count(this.element);
    }

    showSaved() {
      const fieldset = this.element;
      if (!fieldset) {
        indicator.attention();
        return;
      }
      fieldset.dataset.version = this.saved.version;
      role(fieldset, 'version').value = this.saved.version;
      role(fieldset, 'original-option').value = this.saved.option || '';
      role(fieldset, 'original-comment').value = this.saved.comment || '';
      const carried = role(fieldset, 'carried-over');
      if (carried && !this.saved.carriedOver) {
        carried.remove();
      }
      const problem = role(fieldset, 'problem');
      problem.textContent = this.held === 'problem' ? this.message : '';
      if (this.held === 'conflict' && !this.conflictBox) {
        this.conflictBox = conflictBox(this.subject, this.theirs, this.optionLabel(this.saved));
      }
      if (this.conflictBox && !fieldset.contains(this.conflictBox)) {
        problem.after(this.conflictBox);
      }
      fieldset.classList.toggle('question--problem', Boolean(this.held));
      indicator.attention();
    }

    optionLabel(values) {
      if (values.option === 'na') {
        return panel.dataset.notApplicable;
      }
      const radio = values.option
        && this.element.querySelector('input[data-role="option"][value="' + CSS.escape(values.option) + '"]');
      return radio ? radio.value.split(':').pop() + ' · ' + radio.closest('label').querySelector('strong').textContent
        : panel.dataset.noAnswer;
    }
  }

  /** An aspect's target: saved is {level, version}, level '' for none. */
  class TargetSaver extends Saver {
    constructor(subject) {
      super(subject);
      this.aspect = subject.substring('target:'.length);
    }

    url() {
      return api + '/targets/' + encodeURIComponent(this.aspect);
    }

    body(values) {
      return { level: values.level === '' ? null : Number(values.level), version: this.saved.version };
    }

    unchanged(values) {
      return values.level === this.saved.level;
    }

    stored() {
      return { level: this.wanted.level, version: this.saved.version };
    }

    accept(json) {
      this.saved = { level: json.level === null ? '' : String(json.level), version: json.version };
      this.showSaved();
    }

    /** Someone else changed the target first: theirs is shown, with a note; choosing again changes it. */
    conflict(theirs) {
      this.message = this.element ? this.element.dataset.changed : null;
      this.wanted = null;
      store.keep(this);
      this.accept(theirs);
      this.showValues(this.saved);
    }

    bindTo(field) {
      this.element = field;
      const shown = {
        level: role(field, 'original-target').value,
        version: Number(role(field, 'target-version').value)
      };
      if (!this.saved || (!this.wanted && shown.version >= this.saved.version)) {
        this.saved = shown;
      } else if (this.saved.level === undefined) {
        this.saved = { level: shown.level, version: this.saved.version };
      }
      this.showValues(this.wanted || this.saved);
      this.showSaved();
    }

    showSaved() {
      if (!this.element) {
        return;
      }
      role(this.element, 'target-version').value = this.saved.version;
      role(this.element, 'original-target').value = this.saved.level;
      role(this.element, 'problem').textContent = this.message || '';
    }

    showValues(values) {
      if (this.element) {
        this.element.querySelector('select').value = values.level;
      }
    }

    want(values, delay) {
      this.message = null;
      this.showSaved();
      super.want(values, delay);
    }
  }

  function role(element, name) {
    return element.querySelector('[data-role="' + name + '"]');
  }

  function savedAnswer(answer) {
    return {
      option: answer.notApplicable ? 'na' : answer.level ? answer.question + ':' + answer.level : '',
      comment: answer.comment || '',
      version: answer.version,
      carriedOver: answer.carriedOver
    };
  }

  function mark(answer) {
    if (answer.carriedOver) {
      return 'c';
    }
    return answer.notApplicable || answer.level ? 'r' : 'o';
  }

  function saver(subject) {
    let found = savers.get(subject);
    if (!found) {
      found = subject.startsWith('target:') ? new TargetSaver(subject) : new QuestionSaver(subject);
      savers.set(subject, found);
    }
    return found;
  }

  function questionOf(element) {
    return saver(element.closest('fieldset[data-question]').dataset.question);
  }

  function targetOf(element) {
    return saver('target:' + element.closest('[data-target]').dataset.target);
  }

  /** The conflict as the page renders it (one template for the page and the script), filled in. */
  function conflictBox(question, theirs, label) {
    const box = document.getElementById('conflict-template').content.firstElementChild.cloneNode(true);
    box.querySelectorAll('[data-role^="conflict-"]').forEach((line) => {
      line.textContent = format(line.textContent, theirs.updatedBy || '?', label, theirs.comment || '');
    });
    if (!theirs.comment) {
      role(box, 'conflict-comment').remove();
    }
    box.querySelectorAll('button').forEach((button) => { button.value = question; });
    return box;
  }

  function count(fieldset) {
    const area = fieldset.querySelector('textarea[data-role="comment"]');
    const counter = role(fieldset, 'count');
    // Characters as the server counts them: Unicode code points, so an emoji is one.
    const length = Array.from(area.value).length;
    const most = Number(area.dataset.maxLength);
    counter.textContent = format(panel.dataset.chars, length, most);
    counter.classList.toggle('comment-count--over', length > most);
  }

  function pending() {
    return Array.from(savers.values()).some((each) => each.wanted || each.held);
  }

  function saveAll() {
    return Promise.all(Array.from(savers.values()).map((each) => each.flush()));
  }

  /* --- Progress and the save state --- */

  /** Per question: the version and state (r reviewed, c carried over, o open) last known, and its aspect. */
  const progress = {
    answers: new Map(),

    /** Takes the figures a page (or a fetched aspect) was rendered with, where they are newer than those known. */
    merge(from) {
      from.querySelectorAll('[data-aspect-link]').forEach((link) => {
        link.dataset.answers.split(' ').filter(Boolean).forEach((entry) => {
          const parts = entry.split(':');
          const stateMark = parts.pop();
          const version = Number(parts.pop());
          this.learn(parts.join(':'), version, stateMark, link.dataset.aspectLink);
        });
      });
      this.show();
    },

    learn(question, version, stateMark, aspect) {
      const known = this.answers.get(question);
      if (!known) {
        this.answers.set(question, { version, mark: stateMark, aspect });
      } else if (version >= known.version) {
        known.version = version;
        known.mark = stateMark;
      }
    },

    set(question, version, stateMark) {
      const known = this.answers.get(question);
      this.learn(question, version, stateMark, known && known.aspect);
      this.show();
    },

    show() {
      const perAspect = {};
      let reviewed = 0;
      let carried = 0;
      this.answers.forEach((answer) => {
        const aspect = perAspect[answer.aspect] || (perAspect[answer.aspect] = { reviewed: 0, questions: 0 });
        aspect.questions++;
        aspect.reviewed += answer.mark === 'r' ? 1 : 0;
        reviewed += answer.mark === 'r' ? 1 : 0;
        carried += answer.mark === 'c' ? 1 : 0;
      });
      const questions = this.answers.size;
      document.getElementById('progress-label').textContent = carried
        ? format(status.dataset.reviewedCarried, reviewed, questions, carried)
        : format(status.dataset.reviewed, reviewed, questions);
      document.querySelectorAll('#progress-bar > span').forEach((segment, index) => {
        segment.className = 'progress-bar__'
          + (index < reviewed ? 'reviewed' : index < reviewed + carried ? 'carried' : 'open');
      });
      nav.querySelectorAll('[data-aspect-link]').forEach((link) => {
        const figures = perAspect[link.dataset.aspectLink];
        if (figures) {
          link.querySelector('.aspect-nav__count').textContent = figures.reviewed + '/' + figures.questions;
        }
      });
      nav.querySelectorAll('#aspect-select option').forEach((option) => {
        const figures = perAspect[option.value];
        if (figures) {
          option.textContent = option.textContent.replace(/\([^()]*\)$/, '(' + figures.reviewed + '/'
            + figures.questions + ')');
        }
      });
    }
  };

  const indicator = {
    update() {
      const all = Array.from(savers.values());
      let state = 'saved';
      if (connection.signedOut && all.some((each) => each.wanted)) {
        state = 'offline';
      } else if (all.some((each) => each.held)) {
        state = 'held';
      } else if (all.some((each) => each.wanted && each.attempts > 0)) {
        state = all.some((each) => each.wanted && each.unavailable) ? 'unavailable' : 'failed';
      } else if (all.some((each) => each.wanted || each.running)) {
        state = 'saving';
      }
      const className = 'save-state save-state--' + state;
      if (stateLine.className !== className) {
        stateLine.className = className;
        stateLine.firstElementChild.textContent = stateLine.dataset[state];
        stateLine.title = stateLine.dataset[state];
      }
      this.attention();
    },

    /** Marks the aspects with a change that waits for the person (a conflict or a refused change) in the navigation. */
    attention() {
      const waiting = new Set();
      savers.forEach((each) => {
        const known = progress.answers.get(each.subject);
        if (each.held && known) {
          waiting.add(known.aspect);
        }
      });
      nav.querySelectorAll('[data-aspect-link]').forEach((link) => {
        link.classList.toggle('aspect-nav__link--attention', waiting.has(link.dataset.aspectLink));
      });
    }
  };

  /* --- The aspect on screen --- */

  function bindPanel() {
    panel.querySelectorAll('fieldset[data-question]').forEach((fieldset) => {
      questionOf(fieldset).bindTo(fieldset);
    });
    const target = panel.querySelector('[data-target]');
    if (target) {
      targetOf(target).bindTo(target);
    }
  }

  function urlOf(aspect) {
    const link = nav.querySelector('[data-aspect-link="' + CSS.escape(aspect) + '"]');
    return link ? link.href : null;
  }

  /** The next aspect, fetched while the person answers this one, so that moving on shows it at once. */
  const ahead = { url: null, at: 0, part: null };

  function fetchNextAspect() {
    const links = Array.from(nav.querySelectorAll('[data-aspect-link]'));
    const next = links[links.findIndex((link) => link.dataset.aspectLink === panel.dataset.aspect) + 1];
    if (next) {
      ahead.url = next.href;
      ahead.at = Date.now();
      ahead.part = fetchPart(next.href);
    }
  }

  let showing = 0;

  /**
   * Shows another aspect without loading the whole page: its part of the page is fetched (or taken from the one
   * fetched ahead, when it is less than half a minute old) and put in place, the address is the aspect's own (so
   * reloading, bookmarks, back and forward work), and the aspect's heading takes the focus, so screen readers
   * announce it. When the server does not answer (an outage, no network), the aspect on screen stays, with a note;
   * when the session has ended, the person is asked to sign in again; when the page was sent elsewhere, the browser
   * goes there as without script.
   */
  async function show(aspect, url, remember) {
    const ticket = ++showing;
    notOpened.hidden = true;
    panel.setAttribute('aria-busy', 'true');
    let part = ahead.url === url && Date.now() - ahead.at < 30000 ? await ahead.part : null;
    ahead.url = null;
    if (!part || !part.page) {
      part = await fetchPart(url);
    }
    const page = part.page;
    const fresh = page && page.getElementById('aspect-panel');
    if (ticket !== showing) {
      return;
    }
    panel.removeAttribute('aria-busy');
    if (!fresh) {
      if (part.status === 401) {
        connection.lost();
      } else if (part.elsewhere || (part.status > 0 && part.status < 500 && !RETRYABLE.includes(part.status))) {
        leave(url);
        return;
      } else {
        notOpened.hidden = false;
      }
      document.getElementById('aspect-select').value = panel.dataset.aspect;
      if (!remember) {
        history.replaceState({ aspect: panel.dataset.aspect }, '', urlOf(panel.dataset.aspect));
      }
      return;
    }
    progress.merge(page.getElementById('aspect-nav'));
    savers.forEach((each) => { each.element = null; });
    panel.replaceWith(fresh);
    panel = fresh;
    const openActions = page.getElementById('open-actions');
    if (openActions) {
      document.getElementById('open-actions').replaceWith(openActions);
    }
    bindPanel();
    indicator.update();
    nav.querySelectorAll('[data-aspect-link]').forEach((link) => {
      if (link.dataset.aspectLink === aspect) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    document.getElementById('aspect-select').value = aspect;
    role(signedOutNotice, 'sign-in').href = url;
    document.title = panel.dataset.title;
    if (remember) {
      history.pushState({ aspect }, '', url);
    }
    panel.scrollIntoView({ block: 'start' });
    document.getElementById('aspect-heading').focus({ preventScroll: true });
    fetchNextAspect();
  }

  /** Leaves the page once every running save has finished; stays when a change cannot be saved yet. */
  async function leave(url) {
    const settled = await Promise.race([saveAll().then(() => true), wait(10000).then(() => false)]);
    if (settled && !pending()) {
      leaving = true;
      window.location.assign(url);
    } else {
      indicator.update();
    }
  }

  async function confirmAll(button) {
    const box = button.closest('.confirm-all');
    const problem = role(box, 'problem');
    const aspect = panel.dataset.aspect;
    button.disabled = true;
    // The aspect's running saves first; new ones wait until the confirmation is done, so that none races it.
    await Promise.race([Promise.all(Array.from(panel.querySelectorAll('fieldset[data-question]'))
      .map((fieldset) => questionOf(fieldset).flush())), wait(10000)]);
    let release = null;
    connection.hold = new Promise((resolve) => { release = resolve; });
    try {
      const result = await change('POST', api + '/aspects/' + encodeURIComponent(aspect) + '/confirm');
      if (result.status === 200) {
        result.json.confirmed.forEach((answer) => saver(answer.question).accept({ answer }));
        box.remove();
        document.getElementById('aspect-heading').focus({ preventScroll: true });
      } else if (result.status === 401) {
        connection.lost();
      } else {
        problem.textContent = (result.json && result.json.detail) || panel.dataset.problem;
      }
    } finally {
      connection.hold = null;
      release();
      button.disabled = false;
      indicator.update();
    }
  }

  /* --- What the person does --- */

  function plainClick(event) {
    return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  }

  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input.matches('input[data-role="option"]')) {
      questionOf(input).want(questionOf(input).read(), 0);
    } else if (input.matches('select[data-role="target"]')) {
      targetOf(input).want({ level: input.value }, 0);
    }
  });

  form.addEventListener('click', (event) => {
    const radio = event.target.closest('input[data-role="option"]');
    if (radio) {
      // Choosing the option a carried-over answer already has confirms it; the radio reports no change then.
      const answer = questionOf(radio);
      if (answer.saved.carriedOver && !answer.wanted && radio.value === answer.saved.option) {
        answer.want(Object.assign(answer.read(), { confirm: true }), 0);
      }
      return;
    }
    const link = event.target.closest('a[data-role="leave"]');
    if (link && plainClick(event)) {
      event.preventDefault();
      leave(link.href);
    }
  });

  form.addEventListener('input', (event) => {
    if (event.target.matches('textarea[data-role="comment"]')) {
      const answer = questionOf(event.target);
      count(answer.element);
      answer.want(answer.read(), 1200);
    }
  });

  form.addEventListener('focusout', (event) => {
    if (event.target.matches('textarea[data-role="comment"]')) {
      const answer = questionOf(event.target);
      if (answer.timer) {
        answer.flush();
      }
    }
  });

  /* Every button of the form, as without script but without leaving the page. */
  form.addEventListener('submit', (event) => {
    if (!('submitter' in event)) {
      return;
    }
    event.preventDefault();
    const button = event.submitter;
    const name = button ? button.name : '';
    if (name === 'confirm') {
      const answer = questionOf(button);
      answer.want(Object.assign(answer.read(), { confirm: true }), 0);
    } else if (name === 'confirm-all') {
      confirmAll(button);
    } else if (name === 'keep-mine') {
      questionOf(button).keepMine();
    } else if (name === 'take-theirs') {
      questionOf(button).takeTheirs();
    } else if (name === 'go') {
      show(button.value, urlOf(button.value), true);
    } else {
      saveAll().then(() => indicator.update());
    }
  });

  nav.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-aspect-link]');
    if (link && plainClick(event)) {
      event.preventDefault();
      show(link.dataset.aspectLink, link.href, true);
    }
  });

  nav.querySelector('.aspect-select').addEventListener('submit', (event) => {
    event.preventDefault();
    const aspect = document.getElementById('aspect-select').value;
    show(aspect, urlOf(aspect), true);
  });

  document.getElementById('aspect-select').addEventListener('change', (event) => {
    show(event.target.value, urlOf(event.target.value), true);
  });

  window.addEventListener('popstate', () => {
    const aspect = new URL(window.location.href).searchParams.get('aspect');
    if (aspect && aspect !== panel.dataset.aspect) {
      show(aspect, window.location.href, false);
    }
  });

  role(signedOutNotice, 'sign-in').addEventListener('click', () => { leaving = true; });

  window.addEventListener('beforeunload', (event) => {
    if (!leaving && !connection.signedOut && pending()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  const comeBack = () => connection.check();
  window.addEventListener('focus', comeBack);
  window.addEventListener('pageshow', comeBack);
  window.addEventListener('storage', comeBack);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      comeBack();
    }
  });
  window.addEventListener('online', () => {
    comeBack();
    connection.wake();
  });

  /* --- Start: the page as rendered, then the changes kept from before --- */

  // The sticky status grows with its notes (signed out, not opened): what is scrolled into view stays below it.
  if (window.ResizeObserver) {
    new ResizeObserver(() => {
      document.documentElement.style.setProperty('--answer-status-height', status.offsetHeight + 'px');
    }).observe(status);
  }
  history.replaceState({ aspect: panel.dataset.aspect }, '');
  progress.merge(nav);
  bindPanel();
  fetchNextAspect();
  const kept = store.read();
  Object.keys(kept).forEach((subject) => {
    const entry = kept[subject];
    if (subject === 'target') {
      return; // kept by an earlier version of this page without its aspect
    }
    const restored = saver(subject);
    if (!restored.saved) {
      restored.saved = { version: entry.version };
    }
    // Sent with the version the change started from: if someone saved since, the server reports a conflict.
    restored.saved.version = entry.version;
    const values = subject.startsWith('target:') ? { level: entry.level } : {
      option: entry.notApplicable ? 'na' : entry.option || '', comment: entry.comment || '', confirm: entry.confirm
    };
    restored.showValues(values);
    restored.want(values, 0);
  });
  indicator.update();
})();
