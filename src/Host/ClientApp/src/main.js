// Entry of the vite bundle: monaco's workers and GraphiQL's styles, then the IDE itself.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.js';
