// Bundles the extension (and its dependencies) into dist/extension.js and
// the map preview's webview script into dist/preview.js.
//   --production  minified, no source map (used when packaging)
//   --watch       rebuild on change
//   --tests       bundle test/*.test.ts into out-test/ for `node --test`
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

if (args.has('--tests')) {
  const outdir = join(root, 'out-test');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = readdirSync(join(root, 'test'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(root, 'test', f));
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
} else {
  const options = {
    entryPoints: [join(root, 'src', 'extension.ts')],
    outfile: join(root, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'info',
  };
  // the map preview's script, inlined into its webview with a nonce
  const webview = {
    entryPoints: [join(root, 'src', 'webview', 'preview.ts')],
    outfile: join(root, 'dist', 'preview.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: production,
    sourcemap: false,
    logLevel: 'info',
  };
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  if (args.has('--watch')) {
    await (await esbuild.context(options)).watch();
    await (await esbuild.context(webview)).watch();
  } else {
    await Promise.all([esbuild.build(options), esbuild.build(webview)]);
  }
}
