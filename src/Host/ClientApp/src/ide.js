// GraphiQL for CertifyTrack. Plain JavaScript without JSX: the same file runs from the
// vite bundle and, when no bundle was built, inline in the page with CDN imports.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { getOperationAST } from 'graphql';
import { createClient } from 'graphql-ws';

// The page is served at the GraphQL endpoint itself, so its own path is the endpoint.
const endpoint = new URL(window.location.pathname, window.location.origin);
const socketUrl = new URL(endpoint);
socketUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

// Queries and mutations go over HTTP with the headers editor's headers.
const http = createGraphiQLFetcher({ url: endpoint.href, enableIncrementalDelivery: false });

// Subscriptions go over graphql-transport-ws. A browser WebSocket carries no custom
// headers, so the Authorization header travels in the connection_init payload; a changed
// header opens a new connection.
let socket = null;

function authorizationOf(headers) {
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'authorization');
  return name === undefined ? undefined : String(headers[name]);
}

function socketFor(authorization) {
  if (socket === null || socket.authorization !== authorization) {
    socket?.client.dispose();
    const client = createClient({
      url: socketUrl.href,
      connectionParams: authorization === undefined ? {} : { Authorization: authorization },
    });
    socket = { authorization, client };
  }
  return socket.client;
}

// An Observable as GraphiQL consumes it; a closed socket becomes a readable error.
function subscribe(client, params) {
  return {
    subscribe(sink) {
      const unsubscribe = client.subscribe(params, {
        next: (result) => sink.next(result),
        complete: () => sink.complete(),
        error: (error) => sink.error(error instanceof CloseEvent
          ? new Error(`Socket closed with ${error.code} ${error.reason}`.trim())
          : error),
      });
      return { unsubscribe };
    },
  };
}

function fetcher(params, options) {
  const operation = options?.documentAST && getOperationAST(options.documentAST, params.operationName || undefined);
  if (operation?.operation !== 'subscription') {
    return http(params, options);
  }
  return subscribe(socketFor(authorizationOf(options.headers)), params);
}

createRoot(document.getElementById('graphiql')).render(createElement(GraphiQL, { fetcher }));
