import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

function chunkName(name: string, modules: string[]): string {
  if (name !== 'css' && !name.startsWith('use-') && name !== 'index') return name;
  const has = (part: string) => modules.some((m) => m.includes(`/node_modules/${part}`));
  if (has('@vue/') || has('vue-router/')) return 'vue';
  if (has('element-plus/') || has('@element-plus/') || has('@floating-ui/') || has('lodash-es/')) return 'element-plus';
  if (has('echarts/') || has('zrender/')) return 'echarts';
  return name;
}

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
    rollupOptions: {
      output: {
        // Shared chunks are named after what they hold (Element Plus's style entries would name them all "css").
        chunkFileNames: (chunk) => `assets/${chunkName(chunk.name, chunk.moduleIds)}-[hash].js`,
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
