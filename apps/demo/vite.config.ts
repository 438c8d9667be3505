import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// A static site: `vite build` writes dist/, which any web server can host. The
// @reformkit packages are imported through their public entries (their built dist/),
// exactly as a district's own app would import them from npm.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
  preview: { port: 4173 },
})
