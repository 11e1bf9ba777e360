/**
 * What the watcher learns from a window's behaviour over time, handed to the detector as
 * evidence beside its title and text (weighed there, never enough alone; see
 * ../detect/scoring.ts): a title that changes every second, and a close the page refused (the
 * browser's own "Leave site?" prompt seen on the page).
 */
import type { WindowBehaviour } from '../../shared/observation.js';

/** How far back distinct titles are counted (the detector's "recent titles"). */
export const TITLE_WINDOW_MS = 10_000;
/** Titles remembered per window at most (a page can spin through endless titles). */
const MAX_REMEMBERED_TITLES = 32;

/**
 * The browsers' own wording of the beforeunload prompt ("Leave site?"), as OCR reads it, in the
 * languages ScareStop speaks. Pages cannot change it: seeing it means someone tried to leave or
 * close the page and the page held on.
 */
const LEAVE_PROMPT = new RegExp(
  [
    'leave (?:this )?(?:site|page)\\s*\\?',
    'changes (?:that )?you made may not be saved',
    'this page is asking you to confirm that you want to leave',
    'このサイトを離れますか',
    'このページを離れ(?:ますか|てもよろしいですか)',
    '行った変更が保存されない可能性があります',
    '(?:website|seite) verlassen\\s*\\?',
    'quitter (?:le site|la page)\\s*\\?',
    '(?:site|pagina) verlaten\\s*\\?',
    'uscire dal(?:la pagina| sito)\\s*\\?',
    'salir del sitio(?: web)?\\s*\\?',
    'lämna (?:webbplatsen|sidan)\\s*\\?',
  ].join('|'),
  'i',
);

/** Characters of page text looked at for the prompt (it is short and drawn on top). */
const PROMPT_SCAN_LIMIT = 20_000;

/** True when read page text shows the browser's "Leave site?" prompt. */
export function showsLeavePrompt(text: string): boolean {
  return LEAVE_PROMPT.test(text.slice(0, PROMPT_SCAN_LIMIT).replace(/\s+/g, ' '));
}

/** One window's behaviour as seen so far. Owned by the watcher's per-window state. */
export class BehaviourTrail {
  private readonly titles: { readonly title: string; readonly at: number }[] = [];
  private refusedClose = false;

  /** Records the title the window shows at `at`. */
  sawTitle(title: string, at: number): void {
    // Kept in the order last seen, so the oldest are forgotten first.
    const known = this.titles.findIndex((entry) => entry.title === title);
    if (known >= 0) this.titles.splice(known, 1);
    this.titles.push({ title, at });
    this.forgetBefore(at - TITLE_WINDOW_MS);
    if (this.titles.length > MAX_REMEMBERED_TITLES) this.titles.splice(0, this.titles.length - MAX_REMEMBERED_TITLES);
  }

  /** Records read page text; the prompt, once seen, stays evidence for this window. */
  sawText(text: string): void {
    if (!this.refusedClose && showsLeavePrompt(text)) this.refusedClose = true;
  }

  /** The behaviour to weigh at `at` (only what was seen). */
  behaviourAt(at: number): WindowBehaviour {
    this.forgetBefore(at - TITLE_WINDOW_MS);
    const recentTitles = this.titles.length;
    return {
      ...(recentTitles > 1 ? { recentTitles } : {}),
      ...(this.refusedClose ? { refusedClose: true } : {}),
    };
  }

  private forgetBefore(cutoff: number): void {
    while (this.titles.length > 0 && (this.titles[0]?.at ?? cutoff) < cutoff) this.titles.shift();
  }
}
