/**
 * What the front end (IPC handlers, tray, hotkey) can ask of the engine, in view-model terms
 * from the IPC contract. Implemented by `createServices()` in `services.ts`, which composes the
 * real engine; main.ts and the renderer tests both use that one implementation.
 */
import type {
  AlertView,
  CloseResult,
  FamilyAdd,
  FamilyAddResult,
  FamilyTestResult,
  FamilyView,
  IncidentView,
  Language,
  RemotePauseView,
  Screen,
  ScanView,
  Settings,
  SettingsPatch,
  Status,
  WizardAnswer,
  WizardView,
} from '../shared/ipc.js';

/** Things main must react to (windows, tray icon, notifications, shortcuts, login item). */
export type AppEvent =
  | { readonly type: 'status'; readonly status: Status }
  | { readonly type: 'alert'; readonly alert: AlertView }
  | { readonly type: 'settings'; readonly settings: Settings }
  | { readonly type: 'scan'; readonly scan: ScanView }
  /** The remote-access window changed; `open`: show that screen in the main window (after "put away"). */
  | { readonly type: 'remote'; readonly remote: RemotePauseView; readonly open?: Screen }
  /** A remote-access tool started or connected outside scam context: tell, do not pause. */
  | { readonly type: 'remote-notice'; readonly kind: 'started' | 'connected'; readonly tool: string; readonly toolJa: string };

/** The engine as the UI sees it. Methods throw only on programming errors or unknown ids. */
export interface AppServices {
  status(): Status;
  settings(): Settings;
  updateSettings(patch: SettingsPatch): Settings;
  removeAllowed(value: string): Settings;
  pause(minutes: number): Status;
  resume(): Status;
  currentAlert(): AlertView | null;
  closeAlert(alertId: string): Promise<CloseResult>;
  allowAlert(alertId: string): AlertView;
  dismissAlert(alertId: string): AlertView;
  /** The big button, tray item and hotkey: close the browser window in front now, whatever the verdict. */
  closeNow(): Promise<CloseResult>;
  scan(): Promise<ScanView>;
  lastScan(): ScanView | null;
  wizard(): WizardView;
  startWizard(): Promise<WizardView>;
  answerWizard(stepId: string, answer: WizardAnswer): Promise<WizardView>;
  runWizardStep(stepId: string): Promise<WizardView>;
  confirmWizardStep(stepId: string, outcome: 'done' | 'skipped'): Promise<WizardView>;
  history(): IncidentView[];
  /** The remote-access tool ScareStop paused (or last paused), for its window. */
  currentRemote(): RemotePauseView | null;
  /** "End it": ends the paused tool, then opens the recovery steps at its removal. */
  endRemote(pauseId: string): Promise<RemotePauseView>;
  /** "This is someone I know": resumes it and adds it to the helpers' list. */
  knownRemote(pauseId: string): Promise<RemotePauseView>;
  dismissRemote(pauseId: string, next: 'wizard' | 'home'): RemotePauseView;
  /** "I am on the phone with someone who asked me to install this" (or taken back). */
  setOnThePhone(on: boolean): Settings;
  exportReport(incidentId: string, language: Language): Promise<{ readonly path: string }>;
  familyContacts(): FamilyView;
  addFamilyContact(input: FamilyAdd): FamilyAddResult;
  removeFamilyContact(id: string): FamilyView;
  testFamilyContact(id: string): Promise<FamilyTestResult>;
  /** The shortcut main managed to register (shown on the home screen). */
  setRegisteredHotkey(hotkey: string | null): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
  start(): void;
  stop(): Promise<void>;
}
