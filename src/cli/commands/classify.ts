import { writeLine, type CliCommand } from '../io.js';

/** Placeholder until the detector lands (issue 2). */
export const run: CliCommand = async (_args, io) => {
  writeLine(io.stderr, 'scarestop classify: not built yet');
  return 2;
};
