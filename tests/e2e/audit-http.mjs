// Runs the GraphQL-over-HTTP spec's reference audit (npm graphql-http) against a live server
// and prints one JSON array of { id, name, status, reason } to stdout.
// Usage: node audit-http.mjs http://127.0.0.1:PORT/graphql
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit-http.mjs <graphql url>');
  process.exit(2);
}

const results = await auditServer({ url });
const report = results.map((r) => ({
  id: r.id,
  name: r.name,
  status: r.status,
  reason: r.status === 'ok' ? null : r.reason,
}));
process.stdout.write(JSON.stringify(report));
