/** What every screen gets from the shell, and what it gives back. */
import type { Screen } from '../../src/shared/ipc.js';
import type { Api } from './api.js';

export interface ScreenContext {
  readonly api: Api;
  /** Shows another screen (and moves focus to its heading). */
  navigate(screen: Screen): void;
  /** Draws the current screen again with fresh data, keeping focus where it was. */
  rerender(): void;
  /** Says something to screen-reader users through the polite live region. */
  announce(text: string): void;
}

/** Builds one screen's content. */
export type ScreenRenderer = (ctx: ScreenContext) => Promise<HTMLElement>;
