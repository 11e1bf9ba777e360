/**
 * `npm run screenshots`: a PNG of every screen in Japanese and in English, written to
 * docs/screenshots/<lang>-<screen>.png. The screens run on the real engine through the
 * renderer test harness (a detected scam page, a scan of a temporary home folder holding a
 * portable AnyDesk, a started recovery wizard) in Debian's Chromium.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInventorySource } from '../src/platform/index.js';
import type { Language, Screen } from '../src/shared/ipc.js';
import { RecordingSystemActions } from '../tests/renderer/support/fake-system.js';
import { startHarness } from '../tests/renderer/support/harness.js';
import { realRecovery } from '../tests/renderer/support/recovery.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
const screen = { x: 0, y: 0, width: 1920, height: 1080 };

const home = mkdtempSync(join(tmpdir(), 'scarestop-shots-'));
mkdirSync(join(home, 'Downloads'), { recursive: true });
copyFileSync('/bin/true', join(home, 'Downloads', 'AnyDesk'));
chmodSync(join(home, 'Downloads', 'AnyDesk'), 0o755);
mkdirSync(out, { recursive: true });

const inventory = await createInventorySource({ env: { ...process.env, HOME: home, TMPDIR: home } });
const harness = await startHarness({ recovery: realRecovery(inventory, new RecordingSystemActions()), viewport: { width: 1000, height: 800 } });
const written: string[] = [];
try {
  const { page, services, foreground } = harness;
  await harness.open('home');
  foreground.show({ id: '0x4400007', title: 'Microsoft Windows Security Alert - Your computer is infected with a virus! Call Microsoft Support +81 3-6271-7243 - Google Chrome', pid: 4242, processName: 'chrome', processPath: '/opt/google/chrome/chrome', bounds: screen, screen, fullscreen: true });
  await harness.waitForScreen('alert');
  await services.scan();
  const shoot = async (language: Language, name: string): Promise<void> => {
    const file = join(out, `${language}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
  };
  for (const language of ['ja', 'en'] as const) {
    services.updateSettings({ language });
    for (const name of ['alert', 'home', 'scan', 'history', 'settings'] as const satisfies readonly Screen[]) {
      await harness.open(name);
      await shoot(language, name);
    }
  }
  // The wizard: a question, then (after the answers) the first step.
  await services.startWizard();
  for (const language of ['ja', 'en'] as const) {
    services.updateSettings({ language });
    await harness.open('wizard');
    await shoot(language, 'wizard-question');
  }
  for (const answer of ['yes', 'yes', ['gift-card'], ['passwords'], 'no'] as const) {
    const step = services.wizard().step;
    if (step?.kind !== 'question') break;
    await services.answerWizard(step.id, typeof answer === 'string' ? answer : [...answer]);
  }
  for (const language of ['ja', 'en'] as const) {
    services.updateSettings({ language });
    await harness.open('wizard');
    await shoot(language, 'wizard-step');
  }
  // The alert after "Close the scary screen".
  const alert = services.currentAlert();
  if (alert !== null) await services.closeAlert(alert.id);
  for (const language of ['ja', 'en'] as const) {
    services.updateSettings({ language });
    await harness.open('alert');
    await shoot(language, 'alert-closed');
  }
} finally {
  await harness.stop();
  rmSync(home, { recursive: true, force: true });
}
console.log(`${written.length} screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`);
