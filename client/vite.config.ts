import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Brotli (.br) and gzip (.gz) copies of the hashed files under assets/, written once at build time at the best
 * compression: the API sends the copy the browser accepts (api/Governance.Api/Hosting.cs, SpaAssets) instead of
 * compressing on every request. Files under 1 KB stay as they are.
 */
function precompress(): Plugin {
  return {
    name: 'governance-precompress',
    apply: 'build',
    // after the bundle is written: only then is every chunk final (vite fills in its preload lists late)
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.startsWith('assets/') || !/\.(js|css|svg|json)$/.test(fileName)) continue;
        const file = join(dir, fileName);
        const source = readFileSync(file);
        if (source.length < 1024) continue;
        const brotli = brotliCompressSync(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        });
        writeFileSync(`${file}.br`, brotli);
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

// The API (ASP.NET Core) listens on 5080 in development and serves the built SPA in the run command.
const api = process.env.GOV_API_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
      // the open-data packages' public key (anonymous, outside /api)
      '/.well-known': { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: they change less often than the app and stay under the size warning.
        codeSplitting: {
          groups: [
            // charts (清单指标 only, a lazily loaded page)
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/, priority: 46 },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/, priority: 45 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 35 },
            { name: 'rc', test: /node_modules[\\/]@rc-component[\\/]/, priority: 30 },
            { name: 'antd-style', test: /node_modules[\\/](@ant-design|@emotion|stylis|dayjs)[\\/]/, priority: 25 },
            // antd's data-heavy components (tables, pickers, trees, forms) apart from the rest
            {
              name: 'antd-data',
              test: /node_modules[\\/]antd[\\/]es[\\/](table|date-picker|calendar|tree|tree-select|form|select|auto-complete|descriptions|input|pagination|checkbox|radio|spin|dropdown|menu)[\\/]/,
              priority: 22,
            },
            { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // the first antd render of a file takes ~4–5 s on a busy 2-core machine, and a form filled in with user-event
    // (upload, pickers) 15–20 s when another build shares the cores: 5 s, then 20 s, made such tests flaky
    testTimeout: 60_000,
  },
});
