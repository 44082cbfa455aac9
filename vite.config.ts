import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/**
 * The entry (main.tsx) is small: it paints the first rows and then imports the app (boot.tsx).
 * So that the app's code is fetched while the page parses, not after the entry ran, index.html
 * gets a modulepreload link for the app's chunk and the chunks it imports.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'samplemind-preload-app-chunk',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const app = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/renderer/boot.tsx'),
        );
        if (!app || app.type !== 'chunk') return [];
        const entry = ctx.chunk?.fileName;
        const files: string[] = [];
        const visit = (file: string) => {
          if (file === entry || files.includes(file)) return;
          files.push(file);
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(app.fileName);
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadAppChunk()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
