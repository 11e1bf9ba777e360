/**
 * "Done" means checked, for real: `scarestop cleanup` in Japanese inside its own network and pid
 * namespace (temp HOME) with a fake AnyDesk (a copy of /bin/sleep) running from ~/Downloads.
 * "I did it myself" while it still runs is refused and the wizard says it still runs; the
 * session step is then left for later, and the removal step stops the process BEFORE it moves
 * the file. Afterwards `scarestop scan --json` and the saved report agree: it is gone.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIncidentStore } from '../../src/storage/index.js';
import { childOf, createNetns, innerState, isAlive, startHolder, type Holder, type TestNetns } from './cleanup-netns.js';

let ns: TestNetns;
let holder: Holder;
let home: string;
let env: NodeJS.ProcessEnv;
let toolPid: number | undefined;
const BIN = join(process.cwd(), 'bin/scarestop.mjs');

/** Output of a command run inside the namespaces, and a way to type into it. */
function runInside(args: string[]) {
  const child = holder.spawn(process.execPath, [BIN, ...args], env);
  let output = '';
  let mark = 0;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    send: (line: string) => child.stdin?.write(`${line}\n`),
    get text() {
      return output;
    },
    exited,
    /** Waits until the output after the last match matches; moves the mark past it. */
    async expect(pattern: RegExp, ms = 90_000): Promise<string> {
      for (let waited = 0; waited < ms; waited += 50) {
        const match = pattern.exec(output.slice(mark));
        if (match !== null) {
          mark += match.index + match[0].length;
          return match[0];
        }
        if (child.exitCode !== null && waited > 500) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`did not see ${pattern} in:\n${output.slice(mark)}\n--- full ---\n${output}`);
    },
  };
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-verify-'));
  for (const dir of ['Downloads', 'tmp', 'data']) mkdirSync(join(home, dir));
  env = { PATH: process.env['PATH'], HOME: home, TMPDIR: join(home, 'tmp'), SCARESTOP_HOME: join(home, 'data'), SCARESTOP_NETWORK_BACKEND: 'ip-link', LANG: 'ja_JP.UTF-8', TZ: 'Asia/Tokyo' };
  ns = createNetns();
  holder = await startHolder(ns);
  const tool = join(home, 'Downloads', 'AnyDesk');
  copyFileSync('/bin/sleep', tool);
  const child = holder.spawn(tool, ['3600'], env);
  for (let i = 0; i < 200 && toolPid === undefined; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pid = childOf(child.pid ?? -1);
    if (pid !== undefined && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'AnyDesk') toolPid = pid;
  }
});

afterAll(async () => {
  await holder?.stop();
  ns?.remove();
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
});

describe('the wizard verifies before it says done', () => {
  it('refuses "I did it myself" while AnyDesk runs, stops it before moving its file, and scan and report agree it is gone', async () => {
    expect(toolPid).toBeDefined();
    const run = runInside(['cleanup', '--lang', 'ja', '--region', 'JP']);
    await run.expect(/記録番号 [^）]+）/);
    await run.expect(/\(1\/9\) 電話を切ります ==[\s\S]*?> /);
    run.send('');
    await run.expect(/→ 結果：ご自身で済ませました（確認はできません）/);
    await run.expect(/\(2\/9\) インターネットを切ります ==[\s\S]*?> /);
    run.send('');
    await run.expect(/→ 結果：済み（確認しました）/);
    expect(innerState(ns)).toEqual({ up: false, defaultRoute: false });
    await run.expect(/\(3\/9\) 警告の画面を閉じます ==[\s\S]*?> /);
    run.send('');
    await run.expect(/\(4\/9\) 遠隔操作を終わらせます：AnyDesk ==[\s\S]*?> /);

    // "I did it myself" — but it still runs: not accepted, and the screen says what runs.
    run.send('m');
    await run.expect(/→ 結果：うまくいきませんでした\n！ まだ動いています：AnyDesk（番号 \d+）/);
    expect(isAlive(toolPid ?? -1)).toBe(true);
    await run.expect(/\(4\/9\) 遠隔操作を終わらせます：AnyDesk ==[\s\S]*?！ まだ動いています[\s\S]*?> /);
    // Left for later: the tool is still running when the removal step comes.
    run.send('s');
    await run.expect(/\(1\/5\) 画面に出た電話番号に電話しましたか？[\s\S]*?> /);
    run.send('２');
    await run.expect(/\(2\/5\)[\s\S]*?> /);
    run.send('1');
    await run.expect(/\(3\/5\)[\s\S]*?> /);
    run.send('５');
    await run.expect(/\(4\/5\) パスワード、カード番号、銀行の情報を、パソコンに入力したり、電話で伝えたりしましたか？[\s\S]*?> /);
    run.send('4');
    await run.expect(/\(5\/5\)[\s\S]*?> /);
    run.send('2');
    await run.expect(/遠隔操作ソフトを取り除きます：AnyDesk ==[\s\S]*?保管用フォルダー[\s\S]*?> /);
    expect(isAlive(toolPid ?? -1)).toBe(true);
    run.send('');
    await run.expect(/→ 結果：済み（確認しました）/);
    expect(isAlive(toolPid ?? -1)).toBe(false);
    await run.expect(/お金とアカウントを守ります ==[\s\S]*?> /);
    run.send('');
    await run.expect(/相談できるところ ==[\s\S]*?IPA 情報セキュリティ安心相談窓口\u300003-5978-7509[\s\S]*?> /u);
    run.send('');
    await run.expect(/インターネットをつなぎ直します ==[\s\S]*?> /);
    run.send('');
    await run.expect(/== お疲れさまでした。 ==\nまだ残っていること：\n {2}☐ 遠隔操作を終わらせます：AnyDesk（あとで行います（まだです））/);
    const saved = await run.expect(/記録を保存しました：[^\n]+\.html/);
    await run.expect(/PDF：[^\n]+\.pdf/);
    expect(await run.exited).toBe(0);
    expect(innerState(ns)).toEqual({ up: true, defaultRoute: true });
    expect(run.text).not.toContain('すべての手順が終わりました');

    // The file went to quarantine only after the process was stopped (the action says so).
    expect(existsSync(join(home, 'Downloads', 'AnyDesk'))).toBe(false);
    expect(readdirSync(join(home, 'data', 'quarantine'))).toHaveLength(1);
    const store = openIncidentStore({ dataHome: join(home, 'data') });
    try {
      const [incident] = store.listIncidents();
      const actions = store.timeline(incident?.id ?? '').flatMap((event) => (event.payload.kind === 'action' ? [event.payload] : []));
      const quarantine = actions.find((action) => action.action === 'quarantine');
      expect(quarantine).toMatchObject({ status: 'done' });
      expect(quarantine?.detail).toMatch(/^Stopped first: AnyDesk \(\d+\)\. /u);
    } finally {
      store.close();
    }

    // A fresh scan agrees: no AnyDesk, not even under its quarantined name.
    const scan = runInside(['scan', '--json']);
    expect(await scan.exited).toBe(0);
    const findings = (JSON.parse(scan.text) as { findings: { toolId: string }[] }).findings;
    expect(findings.map((finding) => finding.toolId)).not.toContain('anydesk');

    // And so does the report saved at the end.
    const html = readFileSync(saved.replace('記録を保存しました：', ''), 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('止めて取り除きました（もう一度調べて、残っていないことを確かめました）');
    expect(html).toMatch(/\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}:\d{2} JST/u);
  }, 300_000);
});
