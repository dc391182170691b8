// The console's shell: sign-in and sign-out, who is signed in, the navigation, and a small hash router
// (#/page/segment…?filters) that renders one page at a time. A page renders into a fresh container and gets
// { session, segments, params, navigate, every } — every(ms, fn) polls fn until it returns false or the user
// leaves the page.
import * as session from './session.js';
import { h, replace, errorBox } from './dom.js';
import { callerIdentity, organizations } from './aws.js';
import * as dashboard from './pages/dashboard.js';
import * as jobs from './pages/jobs.js';
import * as job from './pages/job.js';
import * as vaults from './pages/vaults.js';
import * as vault from './pages/vault.js';
import * as plans from './pages/plans.js';
import * as policies from './pages/policies.js';
import * as settings from './pages/settings.js';

const PAGES = {
  dashboard: { title: 'Dashboard', nav: 'dashboard', render: dashboard.render },
  jobs: { title: 'Jobs', nav: 'jobs', render: jobs.render },
  job: { title: 'Job', nav: 'jobs', render: job.render },
  vaults: { title: 'Vaults', nav: 'vaults', render: vaults.render },
  vault: { title: 'Vault', nav: 'vaults', render: vault.render },
  plans: { title: 'Plans', nav: 'plans', render: plans.render },
  plan: { title: 'Plan', nav: 'plans', render: plans.renderPlan },
  policies: { title: 'Policies', nav: 'policies', render: policies.render },
  settings: { title: 'Settings', nav: 'settings', render: settings.render },
};

let leaving = null; // aborts the polling of the page on screen

function route() {
  const [pathPart, query = ''] = (location.hash.startsWith('#/') ? location.hash.slice(2) : '').split('?');
  const [name, ...segments] = pathPart.split('/').map((s) => decodeURIComponent(s));
  return { name: name || 'dashboard', segments, params: new URLSearchParams(query) };
}

let focusNext = null; // a selector to focus after the next page renders, instead of its heading

/** Shows the page at hash; focus (a selector) keeps the keyboard where the user was, e.g. on a tab. */
function navigate(hash, focus = null) {
  focusNext = focus;
  if (location.hash === hash) show();
  else location.hash = hash;
}

async function poll(ms, fn, signal) {
  while (!signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (signal.aborted || !(await fn())) return;
  }
}

function describeAccount(s) {
  if (session.isManagement(s)) return `management account of ${s.organization.Id}`;
  if (s.organization) return `member of ${s.organization.Id}`;
  return s.organizationError ? `organization unknown (${s.organizationError})` : 'not in an organization';
}

function renderIdentity(s) {
  const identity = document.getElementById('identity');
  if (!s) {
    replace(identity);
    return;
  }
  replace(identity,
    h('div', { class: 'who' },
      h('span', { class: 'who-label', text: 'Signed in as ' }), h('span', { class: 'arn', id: 'who-arn', text: s.identity.Arn }),
      h('span', { class: 'who-account', id: 'who-account' }, ` · account ${s.identity.Account}, ${describeAccount(s)} · ${s.region}`)),
    h('button', { type: 'button', id: 'sign-out', text: 'Sign out', on: { click: signOut } }));
}

function signOut() {
  session.clear();
  history.replaceState(null, '', `${location.pathname}#/`);
  show();
}

function field(id, label, attrs, help) {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), h('input', { id, name: id, autocomplete: 'off', spellcheck: 'false', ...attrs }),
    help ? h('p', { class: 'help muted', text: help }) : null);
}

function renderSignIn(main) {
  const served = session.regions(null);
  const errors = h('div', { 'aria-live': 'assertive' });
  const secure = window.isSecureContext && globalThis.crypto?.subtle;
  const form = h('form', { class: 'card sign-in', method: 'post', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', tabindex: '-1', text: 'Sign in to Arca' }),
    h('p', { text: 'Sign in with an access key of the account (and role) whose backups you want to see. The console can show and do only what that principal may.' }),
    field('access-key-id', 'Access key ID', { required: true }),
    field('secret-access-key', 'Secret access key', { type: 'password', required: true }),
    field('session-token', 'Session token (temporary credentials only)', { type: 'password' }),
    h('div', { class: 'field' }, h('label', { for: 'region', text: 'Region' }),
      served.length ? h('select', { id: 'region', name: 'region' }, served.map((r) => h('option', { value: r, text: r }))) : h('input', { id: 'region', name: 'region', value: 'us-east-1', required: true })),
    errors,
    h('button', { type: 'submit', class: 'primary', text: 'Sign in', disabled: !secure }),
    h('p', { class: 'help muted', text: 'Your keys stay in this browser tab (session storage) and only sign requests here; they are never sent. Signing out forgets them.' }),
    secure ? null : errorBox({ code: 'InsecureContext', message: 'Browsers offer the cryptography the console signs with (WebCrypto) only on secure pages: open the console over HTTPS, or at http://127.0.0.1 or http://localhost (an SSH tunnel works).' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    const credentials = { accessKeyId: values['access-key-id'].trim(), secretAccessKey: values['secret-access-key'].trim(), sessionToken: values['session-token'].trim() || undefined };
    replace(errors, h('p', { class: 'muted', text: 'Signing in…' }));
    try {
      const identity = await callerIdentity(values.region, credentials);
      let organization = null;
      let organizationError = null;
      try {
        organization = (await organizations('DescribeOrganization', {}, credentials)).Organization;
      } catch (error) {
        if (error.code !== 'AWSOrganizationsNotInUseException') organizationError = error.code;
      }
      session.save({ credentials, region: values.region, identity, organization: organization && { Id: organization.Id, MasterAccountId: organization.MasterAccountId }, organizationError });
      history.replaceState(null, '', `${location.pathname}#/dashboard`);
      show();
    } catch (error) {
      replace(errors, errorBox(error, 'Sign-in failed:'));
    }
  });
  main.append(form);
  form.querySelector('input').focus();
}

async function show() {
  leaving?.abort();
  const controller = new AbortController();
  leaving = controller;
  const s = session.current();
  renderIdentity(s);
  const nav = document.getElementById('nav');
  nav.hidden = !s;
  const main = document.getElementById('main');
  const container = h('div', { class: 'page' });
  replace(main, container);
  if (!s) {
    document.title = 'Sign in — Arca console';
    renderSignIn(container);
    return;
  }
  const { name, segments, params } = route();
  const page = PAGES[name];
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.page === page?.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${page?.title ?? 'Not found'} — Arca console`;
  if (!page) {
    container.append(h('h1', { tabindex: '-1', text: 'Not found' }), h('p', {}, 'No console page is called ', h('code', { text: name }), '.'));
    return;
  }
  const ctx = { session: s, segments, params, navigate, signal: controller.signal, every: (ms, fn) => poll(ms, fn, controller.signal) };
  try {
    await page.render(container, ctx);
  } catch (error) {
    container.append(errorBox(error));
  }
  // A new page takes the focus (screen readers announce its heading), unless the user is already working in it.
  const asked = focusNext && container.querySelector(focusNext);
  focusNext = null;
  if (asked) asked.focus();
  else if (!container.contains(document.activeElement)) container.querySelector('h1')?.focus({ preventScroll: true });
}

// Only "#/…" addresses are pages: the skip link's "#main" just moves focus.
window.addEventListener('hashchange', () => {
  if (location.hash === '' || location.hash.startsWith('#/')) show();
});
show();
