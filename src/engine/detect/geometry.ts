/** Window geometry signals. */
import type { Rect } from '../../shared/geometry.js';

/** Pixels of slack: borders and rounding differ between window managers. */
const TOLERANCE = 2;

function isRect(rect: Rect | undefined): rect is Rect {
  return (
    rect !== undefined &&
    Number.isFinite(rect.x) &&
    Number.isFinite(rect.y) &&
    Number.isFinite(rect.width) &&
    Number.isFinite(rect.height) &&
    rect.width > 0 &&
    rect.height > 0
  );
}

/**
 * True when the window covers its whole monitor: the full-screen lock pattern of scam pages.
 * A maximised window stops at the taskbar and does not count.
 */
export function coversScreen(bounds: Rect | undefined, screen: Rect | undefined): boolean {
  if (!isRect(bounds) || !isRect(screen)) return false;
  return (
    bounds.x <= screen.x + TOLERANCE &&
    bounds.y <= screen.y + TOLERANCE &&
    bounds.x + bounds.width >= screen.x + screen.width - TOLERANCE &&
    bounds.y + bounds.height >= screen.y + screen.height - TOLERANCE
  );
}
