/**
 * The services over the real watcher and store: "This page is fine" stops the alerts for that
 * page, removing it from the allow list brings them back, and detections land in History.
 */
import { describe, expect, it } from 'vitest';
import { browserWindow, startTestServices } from './support.js';

const title = 'Microsoft Security Alert: your PC is infected with a virus! Call +1-888-555-0177 - Google Chrome';

describe('services', () => {
  it('allow, then remove from the allow list: the watcher follows both', async () => {
    const ctx = startTestServices();
    try {
      ctx.foreground.show(browserWindow('0x50', title));
      const first = ctx.services.currentAlert();
      expect(first?.state).toBe('open');
      ctx.services.allowAlert(first?.id ?? '');
      expect(ctx.services.settings().allowList).toHaveLength(1);

      ctx.foreground.show(browserWindow('0x51', title));
      expect(ctx.services.currentAlert()?.id).toBe(first?.id); // no new alert: allowed

      ctx.services.removeAllowed(ctx.services.settings().allowList[0] ?? '');
      expect(ctx.services.settings().allowList).toEqual([]);
      ctx.foreground.show(browserWindow('0x52', title));
      const again = ctx.services.currentAlert();
      expect(again?.id).not.toBe(first?.id);
      expect(again?.state).toBe('open');
      // The new watcher's question is answered by Close as before.
      expect((await ctx.services.closeAlert(again?.id ?? '')).outcome).toBe('closed');
      expect(ctx.actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x52']);
    } finally {
      await ctx.dispose();
    }
  });

  it('an alert left open across a rebuild is still closed by its button (targeted escalation)', async () => {
    const ctx = startTestServices();
    try {
      ctx.foreground.show(browserWindow('0x60', title));
      const alert = ctx.services.currentAlert();
      ctx.services.updateSettings({ mode: 'ask' });
      ctx.services.removeAllowed('nothing-there');
      expect((await ctx.services.closeAlert(alert?.id ?? '')).outcome).toBe('closed');
      expect(ctx.actions.calls.some((call) => call.action === 'closeWindow' && call.target === '0x60')).toBe(true);
      const history = ctx.services.history();
      expect(history).toHaveLength(1);
      expect(history[0]?.timeline.map((entry) => entry.kind)).toEqual(['detection', 'action']);
      expect(history[0]?.timeline[0]?.text).toContain('Microsoft');
    } finally {
      await ctx.dispose();
    }
  });

  it('the wizard resumes at the same screen after the app restarts', async () => {
    const first = startTestServices('ja-JP');
    await first.services.startWizard();
    const hangUp = first.services.wizard().step;
    expect(hangUp?.kind).toBe('hang-up');
    await first.services.confirmWizardStep(hangUp?.id ?? '', 'done');
    const before = first.services.wizard();
    expect(before.number).toBe(2);
    expect(before.step?.kind).toBe('disconnect');
    expect(before.step?.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // the engine's Japanese words
    await first.dispose(true);

    const second = startTestServices('ja-JP', first.dataHome);
    try {
      expect(second.services.status().wizard).toBe('in-progress');
      expect(second.services.wizard()).toEqual(before);
    } finally {
      await second.dispose();
    }
  });
});
