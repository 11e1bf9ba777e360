/** This PC's name, the account and the OS, for the report ("the PC and its owner"). */
import { hostname, release, type as osType, userInfo } from 'node:os';
import type { MachineFacts } from '../engine/report/index.js';

/** Reads the facts; any of them may be unknown. */
export function machineFacts(): MachineFacts {
  let userName: string | undefined;
  try {
    userName = userInfo().username;
  } catch {
    userName = undefined; // no passwd entry (containers): the report says "not known"
  }
  return { computerName: hostname(), ...(userName === undefined ? {} : { userName }), system: `${osType()} ${release()}` };
}
