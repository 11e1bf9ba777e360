/**
 * Windows per-application mute: the audio sessions of the default render device
 * (IMMDeviceEnumerator → IMMDevice → IAudioSessionManager2 → IAudioSessionEnumerator), each
 * session's process (IAudioSessionControl2::GetProcessId) and its mute
 * (ISimpleAudioVolume::SetMute). The COM calls come through {@link CoreAudioCalls} — koffi
 * vtable calls in core-audio-koffi.ts, a recorder in the tests — so the sequence (and that every
 * interface obtained is released) is tested on any OS. Never the endpoint (system) volume.
 */

/** An interface pointer as the COM layer hands it out (opaque here). */
export type ComObject = { readonly __com: true } | bigint | object;

/** A failed COM call; `hresult` as an unsigned 32-bit number. */
export class ComError extends Error {
  constructor(
    readonly call: string,
    readonly hresult: number,
  ) {
    super(`${call} failed with HRESULT 0x${(hresult >>> 0).toString(16).padStart(8, '0')}`);
    this.name = 'ComError';
  }
}

/** The COM calls the mute needs, one per method; each throws {@link ComError} on a failed HRESULT. */
export interface CoreAudioCalls {
  /** CoInitializeEx(COINIT_MULTITHREADED) for this thread (S_FALSE / RPC_E_CHANGED_MODE are fine). */
  initialize(): void;
  /** CoCreateInstance(CLSID_MMDeviceEnumerator, IID_IMMDeviceEnumerator). */
  createDeviceEnumerator(): ComObject;
  /** IMMDeviceEnumerator::GetDefaultAudioEndpoint(eRender, eMultimedia). */
  defaultRenderDevice(enumerator: ComObject): ComObject;
  /** IMMDevice::Activate(IID_IAudioSessionManager2). */
  activateSessionManager(device: ComObject): ComObject;
  /** IAudioSessionManager2::GetSessionEnumerator. */
  sessionEnumerator(manager: ComObject): ComObject;
  /** IAudioSessionEnumerator::GetCount. */
  sessionCount(sessions: ComObject): number;
  /** IAudioSessionEnumerator::GetSession → IAudioSessionControl. */
  session(sessions: ComObject, index: number): ComObject;
  /** QueryInterface(IID_IAudioSessionControl2). */
  sessionControl2(control: ComObject): ComObject;
  /** IAudioSessionControl2::GetProcessId (0 for the system-sounds session). */
  processId(control2: ComObject): number;
  /** IAudioSessionControl2::GetSessionInstanceIdentifier (unique per session). */
  instanceId(control2: ComObject): string;
  /** QueryInterface(IID_ISimpleAudioVolume). */
  simpleVolume(control: ComObject): ComObject;
  getMute(volume: ComObject): boolean;
  setMute(volume: ComObject, muted: boolean): void;
  /** IUnknown::Release. */
  release(object: ComObject): void;
}

/** One render session as seen while visiting. */
export interface SessionView {
  readonly pid: number;
  readonly instanceId: string;
  readonly muted: boolean;
  /** Sets this session's mute; throws ComError. */
  setMute(muted: boolean): void;
}

/** Keeps every interface obtained and releases them in reverse order. */
class Releaser {
  readonly #held: ComObject[] = [];
  constructor(readonly calls: CoreAudioCalls) {}
  hold<T extends ComObject>(object: T): T {
    this.#held.push(object);
    return object;
  }
  releaseAll(): void {
    for (const object of this.#held.reverse()) this.calls.release(object);
    this.#held.length = 0;
  }
}

/**
 * Visits every session of the default render device. A session whose process id or volume
 * cannot be read is skipped (it may have ended between GetCount and GetSession).
 */
export function visitRenderSessions(calls: CoreAudioCalls, visit: (session: SessionView) => void): void {
  calls.initialize();
  const device = new Releaser(calls);
  try {
    const enumerator = device.hold(calls.createDeviceEnumerator());
    const endpoint = device.hold(calls.defaultRenderDevice(enumerator));
    const manager = device.hold(calls.activateSessionManager(endpoint));
    const sessions = device.hold(calls.sessionEnumerator(manager));
    const count = calls.sessionCount(sessions);
    for (let index = 0; index < count; index += 1) {
      const each = new Releaser(calls);
      try {
        const control = each.hold(calls.session(sessions, index));
        const control2 = each.hold(calls.sessionControl2(control));
        const pid = calls.processId(control2);
        const instanceId = calls.instanceId(control2);
        const volume = each.hold(calls.simpleVolume(control));
        visit({ pid, instanceId, muted: calls.getMute(volume), setMute: (muted) => calls.setMute(volume, muted) });
      } catch (error) {
        if (!(error instanceof ComError)) throw error;
      } finally {
        each.releaseAll();
      }
    }
  } finally {
    device.releaseAll();
  }
}
