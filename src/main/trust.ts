/**
 * Who may talk to main and where windows may go: only our own pages, loaded from the
 * renderer folder on disk, in a main frame. Electron-free so it is tested directly.
 */
import { pathToFileURL } from 'node:url';

/** The sender of an IPC message, as far as the check needs it. */
export interface SenderFrame {
  readonly url: string;
  /** False for iframes (Electron: `frame.parent !== null`). */
  readonly isMainFrame: boolean;
}

/** Decides trust for one app installation: pages under `rendererDir` only. */
export class TrustPolicy {
  private readonly prefix: string;

  /** `rendererDir` is the folder holding index.html (renderer/dist). */
  constructor(rendererDir: string) {
    const href = pathToFileURL(rendererDir).href;
    this.prefix = href.endsWith('/') ? href : `${href}/`;
  }

  /** The file:// URL of a screen of ours. */
  pageUrl(screen: string): string {
    return `${this.prefix}index.html#${screen}`;
  }

  /** True for a file:// URL inside the renderer folder (query and hash ignored). */
  isOwnPage(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
    const bare = `${parsed.protocol}//${parsed.pathname}`;
    // Reject traversal that survived parsing (%2e%2e) by comparing decoded segments.
    if (decodeURIComponent(parsed.pathname).split('/').includes('..')) return false;
    return bare.startsWith(this.prefix);
  }

  /** True when an IPC sender may be answered. */
  isTrustedSender(frame: SenderFrame | null): boolean {
    return frame !== null && frame.isMainFrame && this.isOwnPage(frame.url);
  }

  /**
   * Navigation of one of our windows is allowed only within our own page (the hash router).
   * Everything else — links in hostile text, redirects — is refused.
   */
  isAllowedNavigation(url: string): boolean {
    return this.isOwnPage(url);
  }
}
