// GraphiQL for CertifyTrack. Plain JavaScript without JSX: the same file runs from the
// vite bundle and, when no bundle was built, inline in the page with CDN imports.
import { createElement, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

// The page is served at the GraphQL endpoint itself, so its own path is the endpoint.
const endpoint = new URL(window.location.pathname, window.location.origin);
const socketUrl = new URL(endpoint);
socketUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

// ---------------------------------------------------------------------------------------
// Sign in: authorization code + PKCE (S256) with the first-party public client. The IDE page
// is its own redirect URI (the host registers {PublicBaseUrl}/graphql for certifytrack-web).
// Tokens live in sessionStorage: this tab only, gone when it closes, never in localStorage.
// ---------------------------------------------------------------------------------------
const clientId = 'certifytrack-web';
const redirectUri = endpoint.href;
const sessionKey = 'certifytrack.ide.session';
const pendingKey = 'certifytrack.ide.pending-sign-in';
const connect = (path) => new URL(`connect/${path}`, endpoint).href; // beside /graphql

let view = { status: 'signed-out', username: null, error: null };
const viewListeners = new Set();
function setView(change) {
  view = { ...view, ...change };
  viewListeners.forEach((listener) => listener());
}

function readSession() {
  try {
    return JSON.parse(sessionStorage.getItem(sessionKey) ?? 'null');
  } catch {
    return null;
  }
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

const randomString = (length) => base64Url(crypto.getRandomValues(new Uint8Array(length)));

async function signIn() {
  if (!window.crypto?.subtle) {
    setView({ error: 'Signing in needs HTTPS (or localhost): the browser offers no SHA-256 here.' });
    return;
  }
  const verifier = randomString(32);
  const state = randomString(16);
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(pendingKey, JSON.stringify({ state, verifier }));
  const authorize = new URL(connect('authorize'));
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid offline_access',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  window.location.assign(authorize.href);
}

// Signs out at /connect/logout with the tab's id token as the hint: the server revokes this
// session (its access and refresh tokens: a copied token must not outlive Sign out) and the other
// sessions this browser's sign-in started, ends its sign-in cookie (which would otherwise sign the
// next Sign in straight back in) and returns to this page. A form POST: a GET of /connect/logout
// only asks for confirmation, as any other site could link to it. Without an id token (a session
// from before the IDE kept one) the server asks, and its Sign out button does the same.
function signOut() {
  const idToken = readSession()?.idToken;
  endSession(null);
  const form = document.createElement('form');
  form.method = 'post';
  form.action = connect('logout');
  const fields = { client_id: clientId, post_logout_redirect_uri: redirectUri, ...(idToken ? { id_token_hint: idToken } : {}) };
  for (const [name, value] of Object.entries(fields)) {
    form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
  }
  document.body.append(form);
  form.submit();
}

function endSession(error) {
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(sessionKey);
  setView({ status: 'signed-out', username: null, error });
}

async function tokenRequest(form) {
  const response = await fetch(connect('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw Object.assign(new Error(body.error_description ?? body.error ?? `HTTP ${response.status}`), { refused: true });
  }
  return body;
}

// A token is refreshed a minute before it expires (a quarter of its life if that is shorter).
let refreshTimer;
function saveTokens(tokens, previous) {
  const lifetime = (tokens.expires_in ?? 300) * 1000;
  const now = Date.now();
  const session = {
    id: previous?.id ?? randomString(8),
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
    idToken: tokens.id_token ?? previous?.idToken ?? null,
    expiresAt: now + lifetime,
    refreshAt: now + lifetime - Math.min(60_000, lifetime / 4),
  };
  sessionStorage.setItem(sessionKey, JSON.stringify(session));
  scheduleRefresh(session);
}

function scheduleRefresh(session) {
  clearTimeout(refreshTimer);
  if (session.refreshToken) {
    refreshTimer = setTimeout(refresh, Math.max(session.refreshAt - Date.now(), 1_000));
  }
}

// One refresh at a time: refresh tokens rotate, so a second use of the old one would fail.
let refreshing = null;
function refresh() {
  refreshing ??= (async () => {
    const session = readSession();
    try {
      if (!session?.refreshToken) {
        throw new Error('the access token expired');
      }
      saveTokens(await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refreshToken }), session);
      if (view.error !== null) {
        setView({ error: null });
      }
    } catch (error) {
      if (error.refused || !session?.refreshToken) {
        endSession(`Your session ended (${error.message}). Sign in again.`);
      } else {
        // The server did not answer: keep the session and try again shortly.
        setView({ error: `The session could not be refreshed (${error.message}); retrying.` });
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(refresh, 30_000);
      }
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

// The current access token, refreshed first when due; undefined when signed out.
async function accessToken() {
  await ready;
  const session = readSession();
  if (session && Date.now() >= session.refreshAt) {
    await refresh();
  }
  return readSession()?.accessToken;
}

async function showWhoIsSignedIn() {
  const token = await accessToken();
  if (token === undefined) {
    return;
  }
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { username } }' }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 || body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    endSession('The server no longer accepts this session. Sign in again.');
    return;
  }
  setView({ status: 'signed-in', username: body.data?.me?.username ?? null, error: null });
}

// On load: finish a sign-in this tab started (the redirect back carries code and state), then
// pick up the tab's session. A response whose state this tab did not send is refused.
async function start() {
  const params = new URLSearchParams(window.location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    window.history.replaceState(null, '', endpoint.pathname + window.location.hash); // the code leaves the address bar
    await completeSignIn(params);
  }
  const session = readSession();
  if (session !== null) {
    setView({ status: 'busy' });
    scheduleRefresh(session);
  }
}

async function completeSignIn(params) {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null');
  sessionStorage.removeItem(pendingKey);
  if (pending === null || pending.state !== params.get('state')) {
    setView({ error: 'Sign-in refused: the answer does not match the request this tab sent (state).' });
  } else if (params.has('error')) {
    setView({ error: `Sign-in failed: ${params.get('error_description') ?? params.get('error')}` });
  } else {
    setView({ status: 'busy' });
    try {
      saveTokens(await tokenRequest({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: redirectUri,
        code_verifier: pending.verifier,
      }));
    } catch (error) {
      setView({ status: 'signed-out', error: `Sign-in failed: ${error.message}` });
    }
  }
}

const ready = start();
ready.then(showWhoIsSignedIn).catch((error) =>
  setView({ status: readSession() === null ? 'signed-out' : 'signed-in', error: error.message }));

function subscribeView(listener) {
  viewListeners.add(listener);
  return () => viewListeners.delete(listener);
}

// The account corner of GraphiQL's header: who is signed in, Sign in / Sign out, a failure.
function Account() {
  const state = useSyncExternalStore(subscribeView, () => view);
  const status = state.status === 'signed-in'
    ? (state.username === null ? 'Signed in' : `Signed in as ${state.username}`)
    : state.status === 'busy' ? 'Signing in…' : '';
  const button = state.status === 'signed-in'
    ? createElement('button', { id: 'certifytrack-sign-out', type: 'button', className: 'graphiql-button', onClick: signOut }, 'Sign out')
    : createElement('button', { id: 'certifytrack-sign-in', type: 'button', className: 'graphiql-button', onClick: signIn, disabled: state.status === 'busy' }, 'Sign in');
  return createElement('div', { className: 'certifytrack-account' },
    createElement('span', { id: 'certifytrack-signed-in-as', role: 'status' }, status),
    createElement('span', { id: 'certifytrack-sign-in-error', className: 'certifytrack-error', role: 'alert' }, state.error ?? ''),
    button);
}

// ---------------------------------------------------------------------------------------
// Transport. An Authorization header typed into the headers editor wins; otherwise a signed-in
// tab sends its access token.
// ---------------------------------------------------------------------------------------

// Queries and mutations go over HTTP.
const http = createGraphiQLFetcher({ url: endpoint.href, enableIncrementalDelivery: false });

function authorizationOf(headers) {
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'authorization');
  return name === undefined ? undefined : String(headers[name]);
}

async function withToken(headers) {
  if (authorizationOf(headers) !== undefined) {
    return headers;
  }
  const token = await accessToken();
  return token === undefined ? headers : { ...headers, Authorization: `Bearer ${token}` };
}

// Subscriptions go over graphql-transport-ws. A browser WebSocket carries no custom headers, so
// the token travels in the connection_init payload. The socket is kept per identity: a typed
// header, the tab's session (a refreshed token is read on each connect), or nobody.
let socket = null;

async function socketFor(headers) {
  await ready;
  const typed = authorizationOf(headers);
  const session = typed === undefined ? readSession() : null;
  const key = typed !== undefined ? `header:${typed}` : session !== null ? `session:${session.id}` : 'anonymous';
  if (socket === null || socket.key !== key) {
    socket?.client.dispose();
    const client = createClient({
      url: socketUrl.href,
      connectionParams: async () => {
        if (typed !== undefined) {
          return { Authorization: typed };
        }
        const token = session === null ? undefined : await accessToken();
        return token === undefined ? {} : { Authorization: `Bearer ${token}` };
      },
    });
    socket = { key, client };
  }
  return socket.client;
}

// An Observable as GraphiQL consumes it; a closed socket becomes a readable error.
function subscribe(headers, params) {
  return {
    subscribe(sink) {
      let unsubscribe = null;
      let cancelled = false;
      socketFor(headers).then((client) => {
        if (!cancelled) {
          unsubscribe = client.subscribe(params, {
            next: (result) => sink.next(result),
            complete: () => sink.complete(),
            error: (error) => sink.error(error instanceof CloseEvent
              ? new Error(`Socket closed with ${error.code} ${error.reason}`.trim())
              : error),
          });
        }
      }, (error) => sink.error(error));
      return {
        unsubscribe() {
          cancelled = true;
          unsubscribe?.();
        },
      };
    },
  };
}

// The kind of operation is read from the text being sent: GraphiQL's documentAST option can
// still be the previous text's when Run follows an edit at once.
function operationOf(params) {
  try {
    return getOperationAST(parse(params.query), params.operationName || undefined)?.operation;
  } catch {
    return undefined; // a syntax error: the server answers it over HTTP
  }
}

function fetcher(params, options) {
  if (operationOf(params) === 'subscription') {
    return subscribe(options?.headers, params);
  }
  // Without documentAST the toolkit cannot mistake a stale subscription AST for this operation.
  return withToken(options?.headers).then((headers) => http(params, { ...options, headers, documentAST: undefined }));
}

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, { fetcher }, createElement(GraphiQL.Logo, null, createElement(Account))),
);
