// Preloaded (node --import) into the electronegativity child by scripts/security-electron.ts.
// electronegativity 1.10.3 fetches translations and Electron's release list with got 11 at start;
// CI has no internet, and on Node 22+ got 11 retries a failed look-up after its promise has
// settled and crashes the process ("The `onCancel` handler was attached after the promise
// settled"). Answering both look-ups with an immediate "offline" error keeps the scan itself
// unchanged: the checks only read the staged files.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const gotPath = createRequire(require.resolve('@doyensec/electronegativity/package.json')).resolve('got');
const offline = () => Promise.reject(new Error('offline: electronegativity runs without network here'));
offline.head = offline;
offline.get = offline;
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
