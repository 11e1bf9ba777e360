/**
 * Turns our honest look-alike page specs into HTML files in the cache. These pages are written
 * by us: real page *types* (support articles, police and bank warnings, news about scams,
 * slides, a video, a game, browser error pages) that carry the same scary words as a kit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageTarget } from '../kit-files.js';
import { HONEST_PAGES_EN } from './pages-en.js';
import { HONEST_PAGES_INTL } from './pages-intl.js';

/** How a page is laid out. Full-screen layouts go full screen on the first click. */
export type HonestLayout = 'article' | 'slides' | 'video' | 'game' | 'error' | 'dashboard' | 'kiosk';

export interface HonestPage {
  readonly id: string;
  readonly language: string;
  readonly layout: HonestLayout;
  readonly title: string;
  readonly heading: string;
  /** Paragraphs; a line starting with `- ` becomes a list item. */
  readonly body: readonly string[];
  /** Site name shown in the header bar. */
  readonly site?: string;
}

export const HONEST_PAGES: readonly HonestPage[] = [...HONEST_PAGES_EN, ...HONEST_PAGES_INTL];

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLES: Record<HonestLayout, string> = {
  article: 'body{margin:0;font:17px/1.6 sans-serif;color:#222;background:#fff}header{background:#f3f3f3;padding:12px 32px;border-bottom:1px solid #ddd;font-weight:bold}main{max-width:820px;margin:24px auto;padding:0 24px}h1{font-size:30px}',
  slides: 'html,body{margin:0;height:100%;background:#10243e;color:#fff;font:30px/1.5 sans-serif}main{padding:6vh 8vw}h1{font-size:54px;color:#ffd54a}',
  video: 'html,body{margin:0;height:100%;background:#000;color:#eee;font:18px sans-serif}canvas{display:block;width:100vw;height:78vh}main{padding:8px 24px}h1{font-size:22px}',
  game: 'html,body{margin:0;height:100%;background:#050b1a;color:#9ef;font:20px monospace}canvas{display:block;width:100vw;height:80vh}main{padding:8px 24px}h1{font-size:26px}',
  error: 'body{margin:0;font:16px/1.5 sans-serif;color:#333;background:#fff}main{max-width:600px;margin:14vh auto;padding:0 24px}h1{font-size:26px;font-weight:normal}',
  dashboard: 'body{margin:0;font:16px/1.5 sans-serif;color:#ddd;background:#1d1f24}header{background:#2b2e35;padding:12px 24px;font-weight:bold}main{padding:24px}li{margin:6px 0}h1{font-size:24px}',
  kiosk: 'html,body{margin:0;height:100%;background:#f6efe2;color:#2a1c0c;font:28px/1.5 serif}main{padding:8vh 10vw}h1{font-size:50px}',
};

const FULL_SCREEN_LAYOUTS = new Set<HonestLayout>(['slides', 'video', 'game', 'kiosk']);

/** A few lines of our own: a clock-driven drawing so the picture keeps changing like a real video or game. */
const ANIMATION = `<canvas id="c" width="960" height="540"></canvas><script>
var c=document.getElementById('c'),g=c.getContext('2d'),t=0;
setInterval(function(){t+=1;g.fillStyle='#081428';g.fillRect(0,0,960,540);for(var i=0;i<12;i++){g.fillStyle='hsl('+((i*30+t*4)%360)+',70%,55%)';g.beginPath();g.arc(80+i*70,270+Math.sin((t+i*9)/8)*120,18,0,7);g.fill();}},60);
</script>`;

function bodyHtml(lines: readonly string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length > 0) out.push(`<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of lines) {
    if (line.startsWith('- ')) list.push(line.slice(2));
    else {
      flush();
      out.push(`<p>${escapeHtml(line)}</p>`);
    }
  }
  flush();
  return out.join('\n');
}

/** The HTML of one honest page. */
export function honestHtml(page: HonestPage): string {
  const header = page.site !== undefined ? `<header>${escapeHtml(page.site)}</header>` : '';
  const media = page.layout === 'video' || page.layout === 'game' ? ANIMATION : '';
  const fullScreen = FULL_SCREEN_LAYOUTS.has(page.layout)
    ? `<script>document.addEventListener('click',function(){document.documentElement.requestFullscreen().catch(function(){});});</script>`
    : '';
  return `<!doctype html>
<html lang="${page.language}"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><style>${STYLES[page.layout]}</style></head>
<body>${header}${media}<main><h1>${escapeHtml(page.heading)}</h1>
${bodyHtml(page.body)}
</main>${fullScreen}</body></html>
`;
}

/** Writes every honest page into `<cache>/honest/` and returns their targets. */
export function writeHonestPages(cacheDir: string): PageTarget[] {
  const dir = join(cacheDir, 'honest');
  mkdirSync(dir, { recursive: true });
  return HONEST_PAGES.map((page) => {
    writeFileSync(join(dir, `${page.id}.html`), honestHtml(page));
    return { id: page.id, kind: 'honest', path: `honest/${page.id}.html`, language: page.language };
  });
}

/** The honest pages' targets without writing anything. */
export function honestTargets(): PageTarget[] {
  return HONEST_PAGES.map((page) => ({ id: page.id, kind: 'honest', path: `honest/${page.id}.html`, language: page.language }));
}
