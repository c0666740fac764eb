/* Client script of the discovery site: search as you type over the prebuilt MiniSearch index,
   facets combinable with the query (with counts), the state in the URL (?q=&domain=), keyboard
   navigation (/ to focus, arrows to move, Enter to open). Result cards are built with DOM APIs and
   textContent only: no contract string is ever parsed as HTML. */
(function () {
  'use strict';

  function isTyping(el) {
    return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(document.activeElement)) return;
    var input = document.querySelector('[data-shortcut="/"]');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  var payload = window.__MESH_SEARCH__;
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  if (!payload || !input || !list || typeof window.MiniSearch !== 'function') return;

  var docs = payload.docs;
  var stop = {};
  (payload.stop || []).forEach(function (w) { stop[w] = true; });
  var index = window.MiniSearch.loadJS(payload.index, {
    fields: payload.fields,
    idField: 'id',
    processTerm: function (term) { var t = term.toLowerCase(); return stop[t] ? null : t; }
  });
  var PAGE = 50;
  var FACETS = {
    domain: function (d) { return d.d ? [d.d] : []; },
    team: function (d) { return d.m ? [d.m] : []; },
    tags: function (d) { return d.g; },
    classification: function (d) { return d.c ? [d.c] : []; },
    status: function (d) { return [d.st]; },
    tier: function (d) { return d.ti ? [d.ti] : []; },
    serverTypes: function (d) { return d.sv; }
  };
  var facetKeys = Object.keys(FACETS);
  var selected = {};
  facetKeys.forEach(function (k) { selected[k] = []; });
  var shown = PAGE;
  var countEl = document.getElementById('result-count');
  var moreButton = document.getElementById('show-more');
  var moreNote = document.getElementById('more-note');
  var clearButton = document.getElementById('clear-filters');

  function fuzzy(term) {
    return term.length < 4 ? false : term.length < 6 ? 1 : 2;
  }

  function matches(query) {
    if (!query.trim()) return docs.map(function (_, i) { return i; });
    return index
      .search(query, { prefix: true, fuzzy: fuzzy, combineWith: 'AND', boost: { name: 4, title: 2, tags: 2, product: 2, properties: 1.2, owners: 1.5, domain: 1.5 } })
      .map(function (r) { return r.id; });
  }

  function passes(doc, except) {
    for (var i = 0; i < facetKeys.length; i++) {
      var key = facetKeys[i];
      if (key === except || selected[key].length === 0) continue;
      var values = FACETS[key](doc);
      var ok = false;
      for (var j = 0; j < values.length; j++) if (selected[key].indexOf(values[j]) >= 0) { ok = true; break; }
      if (!ok) return false;
    }
    return true;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function badge(label, tone) {
    return el('span', 'badge tone-' + tone, label);
  }

  function href(path) {
    /* Paths in the index are relative to the site root, which is where the home page lives. */
    return path;
  }

  function meta(key, value, link) {
    var span = el('span');
    span.appendChild(el('span', 'meta-key', key));
    span.appendChild(document.createTextNode(' '));
    if (link) {
      var a = el('a', '', value);
      a.setAttribute('href', href(link));
      span.appendChild(a);
    } else {
      span.appendChild(document.createTextNode(value));
    }
    return span;
  }

  function card(doc) {
    var li = el('li', 'card');
    var head = el('div', 'card-head');
    var h3 = el('h3', 'card-title');
    var a = el('a', '', doc.n);
    a.setAttribute('href', href(doc.h));
    h3.appendChild(a);
    head.appendChild(h3);
    var badges = el('span', 'card-badges');
    badges.appendChild(badge(doc.st, doc.sto));
    if (doc.ti) badges.appendChild(badge('Tier ' + doc.ti, 'info'));
    if (doc.slo) badges.appendChild(badge(doc.slo[0], doc.slo[1]));
    head.appendChild(badges);
    li.appendChild(head);
    if (doc.s) li.appendChild(el('p', 'card-summary', doc.s));
    var m = el('p', 'card-meta');
    if (doc.d) m.appendChild(meta('Domain', doc.d, doc.dh));
    if (doc.m) m.appendChild(meta('Team', doc.m));
    m.appendChild(meta('Version', doc.v));
    if (doc.c) m.appendChild(meta('Data', doc.c));
    if (doc.sv.length) m.appendChild(meta('On', doc.sv.join(', ')));
    li.appendChild(m);
    if (doc.g.length) {
      var tags = el('ul', 'tags');
      tags.setAttribute('aria-label', 'Tags');
      doc.g.forEach(function (t) { tags.appendChild(el('li', '', t)); });
      li.appendChild(tags);
    }
    return li;
  }

  function updateFacetCounts(hits) {
    facetKeys.forEach(function (key) {
      var counts = {};
      hits.forEach(function (i) {
        var doc = docs[i];
        if (!passes(doc, key)) return;
        FACETS[key](doc).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      var boxes = document.querySelectorAll('.facet[data-facet="' + key + '"] input');
      Array.prototype.forEach.call(boxes, function (box) {
        var count = counts[box.value] || 0;
        var countEl = box.parentNode.querySelector('.facet-count');
        if (countEl) countEl.textContent = String(count);
        box.checked = selected[key].indexOf(box.value) >= 0;
        box.parentNode.parentNode.classList.toggle('is-empty', count === 0 && !box.checked);
      });
    });
  }

  function writeUrl(query) {
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    facetKeys.forEach(function (k) { selected[k].forEach(function (v) { params.append(k, v); }); });
    var search = params.toString();
    try {
      history.replaceState(null, '', search ? '?' + search : location.pathname);
    } catch (e) {
      /* Some browsers refuse history changes on file:// pages; the search still works. */
    }
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    facetKeys.forEach(function (k) { selected[k] = params.getAll(k); });
  }

  var current = [];
  function run(resetPaging) {
    if (resetPaging) shown = PAGE;
    var query = input.value;
    var hits = matches(query);
    current = hits.filter(function (i) { return passes(docs[i]); });
    list.textContent = '';
    var fragment = document.createDocumentFragment();
    current.slice(0, shown).forEach(function (i) { fragment.appendChild(card(docs[i])); });
    list.appendChild(fragment);
    if (current.length === 0) {
      var empty = el('li', 'empty', 'No data contract matches. Try fewer words or clear the filters.');
      list.appendChild(empty);
    }
    countEl.textContent = current.length === 1 ? '1 data contract' : current.length + ' data contracts';
    if (moreButton) moreButton.hidden = current.length <= shown;
    if (moreNote) moreNote.hidden = true;
    var anySelected = facetKeys.some(function (k) { return selected[k].length > 0; });
    if (clearButton) clearButton.hidden = !anySelected;
    updateFacetCounts(hits);
    writeUrl(query);
  }

  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 60);
  });
  document.getElementById('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    run(true);
    var first = list.querySelector('.card a');
    if (first) first.focus();
  });
  Array.prototype.forEach.call(document.querySelectorAll('.facet input'), function (box) {
    box.addEventListener('change', function () {
      var key = box.closest('.facet').getAttribute('data-facet');
      var values = selected[key];
      var at = values.indexOf(box.value);
      if (box.checked && at < 0) values.push(box.value);
      if (!box.checked && at >= 0) values.splice(at, 1);
      run(true);
    });
  });
  if (clearButton) clearButton.addEventListener('click', function () {
    facetKeys.forEach(function (k) { selected[k] = []; });
    run(true);
    input.focus();
  });
  if (moreButton) moreButton.addEventListener('click', function () {
    shown += PAGE;
    run(false);
  });

  /* Keyboard: arrows move between the search box and the result links; Enter follows the link. */
  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll('.card-title a'));
  }
  function focusResult(i) {
    var links = resultLinks();
    Array.prototype.forEach.call(list.querySelectorAll('.card.is-active'), function (c) { c.classList.remove('is-active'); });
    if (i < 0) { input.focus(); return; }
    if (!links.length) return;
    var link = links[Math.min(i, links.length - 1)];
    link.closest('.card').classList.add('is-active');
    link.focus();
  }
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); focusResult(0); }
    if (event.key === 'Enter' && !event.isComposing) {
      var links = resultLinks();
      if (links.length) { event.preventDefault(); writeUrl(input.value); location.href = links[0].getAttribute('href'); }
    }
    if (event.key === 'Escape') { input.value = ''; run(true); }
  });
  list.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    focusResult(event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1);
  });
  list.addEventListener('focusout', function (event) {
    var c = event.target.closest && event.target.closest('.card');
    if (c) c.classList.remove('is-active');
  });

  readUrl();
  run(true);
})();
