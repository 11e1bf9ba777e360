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

/**
 * Builds the renderer into `outDir` (default renderer/dist) and returns the path of index.html.
 * Tests pass a folder of their own, so parallel test files never read a half-written bundle.
 */
export async function buildRenderer(outDir: string = rendererDist): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'renderer', 'src', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(outDir, 'app.js'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'renderer', 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(root, 'renderer', 'styles.css'), join(outDir, 'styles.css'));
  const icon = join(root, 'assets', 'icons', 'icon-64.png');
  if (existsSync(icon)) copyFileSync(icon, join(outDir, 'icon.png'));
  return join(outDir, 'index.html');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`renderer built: ${await buildRenderer()}`);
}
