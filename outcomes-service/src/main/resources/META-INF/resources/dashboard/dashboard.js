// The KPI page: reads GET /kpis with the user's token and draws the funnel, the waiting times and
// the wellbeing change as inline SVG. No build step, no libraries.
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const TOKEN_KEY = 'linkwork.kpi.token';
  const FILTERS = ['practice', 'team', 'provider', 'activityType', 'area', 'from', 'to', 'ageBand', 'sex', 'ethnicityGroup', 'deprivationDecile'];
  const $ = (id) => document.getElementById(id);
  let config = null;

  // ---- signing in: a pasted token, a token in the address's fragment (#token=...), or OIDC code + PKCE

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function showSignIn(message) {
    $('dashboard').hidden = true;
    $('signin').hidden = false;
    $('signin-error').textContent = message || '';
  }

  function base64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function redirectUri() { return location.origin + location.pathname; }

  async function startLogin() {
    if (!config) { showSignIn('The sign-in settings could not be loaded; paste a token instead.'); return; }
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem('linkwork.kpi.pkce', JSON.stringify({ verifier, state }));
    const url = new URL(config.oidcUrl.replace(/\/$/, '') + '/protocol/openid-connect/auth');
    url.search = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid',
      redirect_uri: redirectUri(), code_challenge: challenge, code_challenge_method: 'S256', state }).toString();
    location.assign(url.toString());
  }

  async function finishLogin(params) {
    const pending = JSON.parse(sessionStorage.getItem('linkwork.kpi.pkce') || 'null');
    sessionStorage.removeItem('linkwork.kpi.pkce');
    history.replaceState(null, '', location.pathname);
    if (!pending || pending.state !== params.get('state')) { showSignIn('The sign-in did not match this page; try again.'); return false; }
    const response = await fetch(config.oidcUrl.replace(/\/$/, '') + '/protocol/openid-connect/token', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
        redirect_uri: redirectUri(), code_verifier: pending.verifier })
    });
    if (!response.ok) { showSignIn('Sign-in failed (' + response.status + ').'); return false; }
    sessionStorage.setItem(TOKEN_KEY, (await response.json()).access_token);
    return true;
  }

  // ---- reading the API

  function query() {
    const form = $('filters');
    const params = new URLSearchParams();
    FILTERS.forEach((name) => { const v = form.elements[name].value.trim(); if (v) params.set(name, v); });
    return params;
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } });
    if (response.status === 401) { sessionStorage.removeItem(TOKEN_KEY); showSignIn('Your sign-in has expired or the token is not valid.'); return null; }
    if (!response.ok) {
      let detail = response.status + '';
      try { const p = await response.json(); detail = p.detail || p.title || detail; } catch (e) { /* not problem+json */ }
      $('error').textContent = detail;
      return null;
    }
    $('error').textContent = '';
    return response;
  }

  async function load() {
    const response = await api('/kpis?' + query().toString());
    if (!response) return;
    render(await response.json());
  }

  async function download(format) {
    const params = query();
    params.set('format', format);
    const response = await api('/kpis/export?' + params.toString());
    if (!response) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'linkwork-kpis.' + format;
    link.click();
  }

  // ---- drawing

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function table(report, name) { return report.tables.find((t) => t.name === name); }
  function value(t, key) { const row = t && t.rows.find((r) => r.key === key); return row ? row.value : null; }
  function shown(v) { return v === null || v === undefined ? 'hidden' : String(v); }

  /** Horizontal bars; each bar carries its number in data-value, and hidden (suppressed) ones are grey. */
  function bars(container, chart, rows, unit) {
    const labelWidth = 190, width = 760, rowHeight = 30;
    const max = Math.max(1, ...rows.map((r) => r.value || 0));
    const svg = el('svg', { viewBox: `0 0 ${width} ${rows.length * rowHeight + 10}`, role: 'img', 'data-chart': chart });
    svg.appendChild(el('title', {}, container.previousElementSibling ? container.previousElementSibling.textContent : chart));
    rows.forEach((r, i) => {
      const y = i * rowHeight + 5;
      const suppressed = r.value === null || r.value === undefined;
      const w = suppressed ? 0 : Math.max(2, (width - labelWidth - 80) * r.value / max);
      const g = el('g', { class: 'row', 'data-key': r.key });
      g.appendChild(el('text', { x: 0, y: y + 18 }, r.label || r.key));
      g.appendChild(el('rect', { class: 'bar ' + (r.cls || '') + (suppressed ? ' suppressed' : ''), x: labelWidth, y,
        width: suppressed ? 24 : w, height: rowHeight - 8, rx: 3, 'data-key': r.key, 'data-value': suppressed ? '' : r.value }));
      g.appendChild(el('text', { class: 'value', x: labelWidth + (suppressed ? 24 : w) + 6, y: y + 18, 'data-key': r.key },
        suppressed ? 'hidden' : r.value + (unit ? ' ' + unit : '')));
      svg.appendChild(g);
    });
    container.replaceChildren(svg);
  }

  function legend(container, items) {
    const p = document.createElement('p');
    p.className = 'legend';
    items.forEach(([cls, text]) => {
      const s = document.createElement('span');
      const i = document.createElement('i');
      i.style.background = cls === 'first' ? 'var(--accent)' : 'var(--accent2)';
      s.append(i, text);
      p.appendChild(s);
    });
    container.appendChild(p);
  }

  function render(report) {
    $('threshold').textContent = Math.max(0, report.suppressionThreshold - 1);
    $('total').textContent = shown(report.total);
    $('contact-median').textContent = shown(value(table(report, 'timeToFirstContact'), 'median'));
    $('start-median').textContent = shown(value(table(report, 'timeToActivityStart'), 'median'));
    const completion = value(table(report, 'activityOutcomes'), 'completion-rate');
    $('completion-rate').textContent = completion === null ? 'hidden' : completion + '%';

    const funnel = table(report, 'funnel');
    bars($('funnel-chart'), 'funnel', funnel.rows.map((r) => ({ key: r.key, value: r.value })), '');

    const times = [];
    [['timeToFirstContact', 'first contact'], ['timeToActivityStart', 'activity start']].forEach(([name, label]) => {
      const t = table(report, name);
      times.push({ key: name + '.median', label: label + ' · median', value: value(t, 'median') });
      times.push({ key: name + '.p90', label: label + ' · 90th pct', value: value(t, 'p90'), cls: 'p90' });
    });
    bars($('times-chart'), 'times', times, 'days');
    legend($('times-chart'), [['first', 'median'], ['second', '90th percentile']]);

    const wellbeing = [];
    report.tables.filter((t) => t.name.startsWith('wellbeing.')).forEach((t) => {
      if (!value(t, 'people')) return;
      const label = t.name.substring('wellbeing.'.length).replace('.', ' ');
      wellbeing.push({ key: t.name + '.baseline', label: label + ' · before', value: value(t, 'mean-baseline') });
      wellbeing.push({ key: t.name + '.follow-up', label: label + ' · after', value: value(t, 'mean-follow-up'), cls: 'follow-up' });
    });
    if (wellbeing.length) {
      bars($('wellbeing-chart'), 'wellbeing', wellbeing, '');
      legend($('wellbeing-chart'), [['first', 'baseline'], ['second', 'follow-up']]);
    } else {
      $('wellbeing-chart').textContent = 'No one has both a baseline and a follow-up measure yet.';
    }

    const all = $('tables');
    all.replaceChildren();
    report.tables.forEach((t) => {
      const tbl = document.createElement('table');
      tbl.dataset.table = t.name;
      tbl.createCaption().textContent = t.title;
      t.rows.forEach((r) => {
        const tr = tbl.insertRow();
        tr.insertCell().textContent = r.key;
        const n = tr.insertCell();
        n.className = 'n';
        n.textContent = shown(r.value);
      });
      if (t.total !== null || t.totalSuppressed) {
        const tr = tbl.insertRow();
        tr.insertCell().textContent = 'total';
        const n = tr.insertCell();
        n.className = 'n';
        n.textContent = shown(t.total);
      }
      all.appendChild(tbl);
    });
    document.body.dataset.loaded = 'true';
  }

  // ---- start

  async function start() {
    try { config = await (await fetch('/dashboard-config')).json(); } catch (e) { config = null; }
    const fragment = new URLSearchParams(location.hash.substring(1));
    const search = new URLSearchParams(location.search);
    if (fragment.get('token')) {
      sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
      FILTERS.forEach((name) => { if (fragment.get(name)) $('filters').elements[name].value = fragment.get(name); });
      history.replaceState(null, '', location.pathname);
    } else if (search.get('code') && !(await finishLogin(search))) {
      return;
    }
    if (!token()) { showSignIn(); return; }
    $('signin').hidden = true;
    $('dashboard').hidden = false;
    await load();
  }

  $('oidc-login').addEventListener('click', startLogin);
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
    if (!value) return;
    sessionStorage.setItem(TOKEN_KEY, value);
    $('token-input').value = '';
    start();
  });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  $('sign-out').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); showSignIn(); });
  document.querySelectorAll('.downloads a').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); download(a.dataset.format); }));
  start();
}());
