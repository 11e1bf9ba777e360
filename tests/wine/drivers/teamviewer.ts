/**
 * Runs under Windows' node.exe in Wine: the remote-tool scan as the app runs it (catalog
 * evidence paths → RegistryInventory snapshot → RemoteMatcher) over the TeamViewer keys the test
 * imported, and writes the registry artifacts and the TeamViewer finding to results.json.
 */
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { createRegistryInventory } from '../../../src/platform/win32/win32-inventory.js';
import { writeResults } from '../support/driver-io.js';

const matcher = new RemoteMatcher();
const paths = matcher.artifactPaths();
const started = performance.now();
const snapshot = await createRegistryInventory().snapshot({ artifactPaths: paths, quick: true });
const snapshotMs = performance.now() - started;
const artifacts = snapshot.artifacts.ok ? snapshot.artifacts.items.filter((a) => /^HK(LM|CU)\\/.test(a.path)) : snapshot.artifacts.error;
const finding = matcher.match(snapshot, Date.now()).find((f) => f.toolId === 'teamviewer');
writeResults({ registryPaths: paths.filter((p) => p.startsWith('HK')), artifacts, finding, snapshotMs });
