/**
 * Runs the wizard's disconnect (journal first, then each `ip link set down`) inside the current
 * network namespace and SIGKILLs itself at a chosen point, like a crash or a pulled plug:
 *   node --import tsx crash-disconnect.ts DATA_HOME after-journal|after-down-1|after-down-2|never
 */
import { disconnectWithJournal } from '../../../src/engine/cleanup/network-journal.js';
import type { NetworkJournal } from '../../../src/engine/ports/network-journal.js';
import { createLinuxSystemActions } from '../../../src/platform/linux/system-actions.js';
import { FileNetworkJournal } from '../../../src/platform/network-journal-file.js';
import { runCommand } from '../../../src/platform/system-command.js';

const [dataHome, crashAt] = process.argv.slice(2);
if (dataHome === undefined || crashAt === undefined) throw new Error('usage: crash-disconnect.ts DATA_HOME POINT');
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

let downs = 0;
const actions = createLinuxSystemActions({
  dataHome,
  network: {
    backend: 'ip-link',
    run: async (file, args) => {
      const output = await runCommand(file, args, { timeoutMs: 20_000 });
      if (args.includes('down')) {
        downs += 1;
        if (crashAt === `after-down-${downs}`) die();
      }
      return output;
    },
  },
});
const file = new FileNetworkJournal(dataHome);
const journal = {
  read: () => file.read(),
  clear: () => file.clear(),
  write(value: NetworkJournal): void {
    file.write(value);
    if (crashAt === 'after-journal' && value.phase === 'disconnecting') die();
  },
};
const result = await disconnectWithJournal({ actions, journal, now: () => Date.now() }, false);
process.stdout.write(`${JSON.stringify(result)}\n`);
