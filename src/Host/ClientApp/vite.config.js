import { defineConfig } from 'vite';

// Builds the GraphiQL bundle into the host's wwwroot/ide. The host finds the entry's
// script and stylesheet through manifest.json (see src/Host/Ide/IdeBundle.cs).
export default defineConfig({
  base: './',
  build: {
    outDir: '../wwwroot/ide',
    emptyOutDir: true,
    manifest: 'manifest.json',
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      input: 'src/main.js',
      // framer-motion's "use client" directives mean nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
});
