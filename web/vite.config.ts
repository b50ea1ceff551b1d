import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// ./dev web: Vite's dev server proxies the API and the runner's local pages to the runner (RUNNER_URL).
const runner = process.env.RUNNER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: only the components (and their styles) a page uses reach its chunk.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts' }),
  ],
  server: {
    proxy: {
      '/api': runner,
      '/local': runner,
      '/config.json': runner,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
