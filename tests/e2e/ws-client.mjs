// Drives the live server with the graphql-transport-ws reference client (npm graphql-ws) and
// prints one JSON object to stdout: { query, mutation, values, completed, forbidden }.
// Usage: node ws-client.mjs ws://127.0.0.1:PORT/graphql <bearer token>
// The caller pushes values to the `wsFeed` subscription once it is subscribed, then ends it.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws'; // Node 20 has no global WebSocket

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node ws-client.mjs <ws url> <token>');
  process.exit(2);
}

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  retryAttempts: 0,
});

async function collect(payload) {
  const results = [];
  for await (const result of client.iterate(payload)) {
    results.push(result);
  }
  return results;
}

const query = await collect({ query: 'query Q($t: String!) { wsWhoAmI wsEcho(text: $t) }', variables: { t: 'hello' } });
const mutation = await collect({ query: 'mutation { wsIncrement }' });
const values = (await collect({ query: 'subscription { wsFeed }' })).map((r) => r.data?.wsFeed ?? r);
await client.dispose();

// A token the server refuses: the socket closes with 4403 and the client reports it.
const refused = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: 'Bearer not-a-valid-token' },
  retryAttempts: 0,
});
let forbidden = null;
try {
  await new Promise((resolve, reject) =>
    refused.subscribe({ query: '{ wsWhoAmI }' }, { next: () => {}, error: reject, complete: resolve }));
} catch (err) {
  forbidden = { code: err?.code ?? null, reason: err?.reason ?? String(err) };
}
await refused.dispose();

process.stdout.write(JSON.stringify({ query, mutation, values, completed: true, forbidden }));
