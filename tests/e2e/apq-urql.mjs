// Automatic persisted queries as the urql client speaks them (@urql/core + @urql/exchange-persisted),
// against a live server: the same query twice, over POST or GET. Every HTTP exchange the client makes
// is recorded (method, whether the document text was sent, the hash, the status, the error messages)
// and printed with both results as one JSON object to stdout.
// Usage: node apq-urql.mjs http://127.0.0.1:PORT/graphql POST|GET
import { Client, fetchExchange, gql } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

const [url, method] = process.argv.slice(2);
if (!url || !['POST', 'GET'].includes(method)) {
  console.error('usage: node apq-urql.mjs <graphql url> POST|GET');
  process.exit(2);
}

const exchanges = [];
const recordingFetch = async (input, init = {}) => {
  const requestUrl = new URL(typeof input === 'string' ? input : input.url);
  const httpMethod = (init.method ?? 'GET').toUpperCase();
  const sent = httpMethod === 'GET'
    ? { query: requestUrl.searchParams.get('query'), extensions: JSON.parse(requestUrl.searchParams.get('extensions') ?? 'null') }
    : JSON.parse(init.body);
  const response = await fetch(input, init);
  const body = await response.clone().json();
  exchanges.push({
    method: httpMethod,
    sentText: typeof sent.query === 'string' && sent.query.length > 0,
    hash: sent.extensions?.persistedQuery?.sha256Hash ?? null,
    status: response.status,
    errors: (body.errors ?? []).map((e) => e.message),
  });
  return response;
};

const client = new Client({
  url,
  fetch: recordingFetch,
  exchanges: [persistedExchange({ preferGetForPersistedQueries: method === 'GET' }), fetchExchange],
  requestPolicy: 'network-only',
});

const query = gql(`query Apq${method} { __typename }`);
const results = [];
for (let i = 0; i < 2; i++) {
  const result = await client.query(query, {}).toPromise();
  results.push({ data: result.data ?? null, error: result.error ? String(result.error) : null });
}

process.stdout.write(JSON.stringify({ results, exchanges }));
