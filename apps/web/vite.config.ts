import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves dist/ itself; in `vite dev` the API runs beside on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.OFD_HTTP_PORT ?? '8080'}` },
  },
});
