/**
 * Builds the renderer into renderer/dist (gitignored): one IIFE bundle (file:// pages cannot
 * load ES modules), the page, the stylesheet and the app icon. `npm run build:renderer`; the
 * renderer tests and `npm run screenshots` call `buildRenderer()` first.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the built page lives. */
export const rendererDist = join(root, 'renderer', 'dist');

/** Builds renderer/dist and returns the path of index.html. */
export async function buildRenderer(): Promise<string> {
  mkdirSync(rendererDist, { recursive: true });
  await build({
    entryPoints: [join(root, 'renderer', 'src', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(rendererDist, 'app.js'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'renderer', 'index.html'), join(rendererDist, 'index.html'));
  copyFileSync(join(root, 'renderer', 'styles.css'), join(rendererDist, 'styles.css'));
  const icon = join(root, 'assets', 'icons', 'icon-64.png');
  if (existsSync(icon)) copyFileSync(icon, join(rendererDist, 'icon.png'));
  return join(rendererDist, 'index.html');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`renderer built: ${await buildRenderer()}`);
}
