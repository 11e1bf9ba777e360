/**
 * `npm run kits:cache`: copies every kit of scripts/kits/manifest.json from the fetched snapshot
 * of its public repository (`git archive <commit>`) into the local cache, checks that the entry
 * page is the very blob the manifest names, and writes our honest look-alike pages beside them.
 *
 * The snapshots come from the `fetch` tool (github:<owner>/<name>) into SCARESTOP_KIT_MIRRORS
 * (default /work/.mirror/<owner>+<name>/repo). Nothing here touches the network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, MIRRORS_DIR, kitPagePath, loadManifest, repoFolder } from './kit-files.js';
import { writeHonestPages } from './honest/honest-html.js';

const EXCLUDED_FILE = process.env['SCARESTOP_KITS_EXCLUDED'] ?? '/work/shared/kits-excluded.txt';

/** Repositories (and their owners) kept apart as an independent check: never used here. */
function excludedRepos(): { repos: Set<string>; owners: Set<string> } {
  const repos = new Set<string>();
  if (existsSync(EXCLUDED_FILE)) {
    for (const line of readFileSync(EXCLUDED_FILE, 'utf8').split('\n')) {
      const repo = line.trim().toLowerCase();
      if (repo !== '' && !repo.startsWith('#')) repos.add(repo);
    }
  }
  return { repos, owners: new Set([...repos].map((repo) => repo.split('/')[0] ?? '')) };
}

/** Files of the tree at `commit` whose content the snapshot really holds. */
function presentFiles(gitDir: string, commit: string): string[] {
  const entries = execFileSync('git', ['-C', gitDir, 'ls-tree', '-r', '-z', commit], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const [meta = '', path = ''] = line.split('\t');
      return { sha: meta.split(' ')[2] ?? '', type: meta.split(' ')[1] ?? '', path };
    })
    .filter((entry) => entry.type === 'blob');
  const check = execFileSync('git', ['-C', gitDir, 'cat-file', '--batch-check'], {
    input: entries.map((e) => e.sha).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'], // git also names each missing object on stderr
  });
  const missing = new Set(check.split('\n').filter((line) => line.endsWith(' missing')).map((line) => line.split(' ')[0]));
  return entries.filter((entry) => !missing.has(entry.sha)).map((entry) => entry.path);
}

function main(): void {
  const manifest = loadManifest();
  const excluded = excludedRepos();
  const copied = new Set<string>();
  let ok = 0;
  const problems: string[] = [];
  for (const kit of manifest.kits) {
    const name = kit.repo.toLowerCase();
    if (excluded.repos.has(name) || excluded.owners.has(name.split('/')[0] ?? '')) {
      problems.push(`${kit.id}: ${kit.repo} is kept apart (kits-excluded.txt): remove it from the manifest`);
      continue;
    }
    const gitDir = join(MIRRORS_DIR, repoFolder(kit.repo), 'repo');
    if (!existsSync(gitDir)) {
      problems.push(`${kit.id}: no snapshot of ${kit.repo} in ${MIRRORS_DIR} (fetch github:${kit.repo} first)`);
      continue;
    }
    const blob = spawnSync('git', ['-C', gitDir, 'rev-parse', `${kit.commit}:${kit.path}`], { encoding: 'utf8' });
    if (blob.status !== 0 || blob.stdout.trim() !== kit.blob) {
      problems.push(`${kit.id}: ${kit.repo}@${kit.commit.slice(0, 12)}:${kit.path} is not blob ${kit.blob} (${blob.stderr.trim() || blob.stdout.trim()})`);
      continue;
    }
    const target = join(CACHE_DIR, `repos/${repoFolder(kit.repo)}/${kit.commit.slice(0, 12)}`);
    const key = `${kit.repo}@${kit.commit}`;
    if (!copied.has(key)) {
      mkdirSync(target, { recursive: true });
      // The whole tree at that commit: kits load their images, sounds and scripts from beside the
      // page. Snapshots lack files of 4 MiB and more (videos): those are left out.
      const paths = presentFiles(gitDir, kit.commit);
      const archive = execFileSync('git', ['-C', gitDir, 'archive', '--format=tar', kit.commit, '--', ...paths], {
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, GIT_LITERAL_PATHSPECS: '1' },
        stdio: ['ignore', 'pipe', 'ignore'], // it still names the absent files while walking the tree
      });
      execFileSync('tar', ['-x', '-C', target], { input: archive });
      copied.add(key);
    }
    if (!existsSync(join(CACHE_DIR, kitPagePath(kit)))) problems.push(`${kit.id}: ${kitPagePath(kit)} missing after copy`);
    else ok += 1;
  }
  const honest = writeHonestPages(CACHE_DIR);
  console.log(`kits: ${ok} of ${manifest.kits.length} in ${CACHE_DIR} (${copied.size} snapshots); honest pages: ${honest.length}`);
  for (const problem of problems) console.log(`  ! ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

main();
