/**
 * {@link CoreAudioCalls} through koffi: ole32's CoCreateInstance, then plain vtable calls
 * (an interface pointer points at its vtable; slot N holds method N, IUnknown's three first).
 * Slot numbers are those of the Windows SDK headers (mmdeviceapi.h, audiopolicy.h).
 */
import { ComError, type ComObject, type CoreAudioCalls } from './core-audio-sessions.js';
import type { Koffi } from './native-modules.js';

const CLSID_MMDeviceEnumerator = 'BCDE0395-E52F-467C-8E3D-C4579291692E';
const IID_IMMDeviceEnumerator = 'A95664D2-9614-4F35-A746-DE8DB63617E6';
const IID_IAudioSessionManager2 = '77AA99A0-1BD6-484F-8BC7-2C654C9A9B6F';
const IID_IAudioSessionControl2 = 'BFB7FF88-7239-4FC9-8FA2-07C950BE9C6D';
const IID_ISimpleAudioVolume = '87CE5498-68D6-44E5-9215-6DA47EF883D8';
const CLSCTX_ALL = 0x17;
const COINIT_MULTITHREADED = 0x0;
const RPC_E_CHANGED_MODE = 0x80010106;
const E_RENDER = 0;
const E_MULTIMEDIA = 1;

/** vtable slots. */
const SLOT = {
  queryInterface: 0,
  release: 2,
  getDefaultAudioEndpoint: 4, // IMMDeviceEnumerator
  activate: 3, // IMMDevice
  getSessionEnumerator: 5, // IAudioSessionManager2 (after GetAudioSessionControl, GetSimpleAudioVolume)
  getCount: 3, // IAudioSessionEnumerator
  getSession: 4,
  getSessionInstanceIdentifier: 13, // IAudioSessionControl2 (IAudioSessionControl has 12 slots)
  getProcessId: 14,
  setMute: 5, // ISimpleAudioVolume
  getMute: 6,
} as const;

/** A GUID string → its 16-byte in-memory layout (Data1-3 little-endian). */
export function guidBytes(text: string): Buffer {
  const hex = text.replace(/[{}-]/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a GUID: ${text}`);
  const bytes = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from(bytes.subarray(0, 4)).reverse(), Buffer.from(bytes.subarray(4, 6)).reverse(), Buffer.from(bytes.subarray(6, 8)).reverse(), bytes.subarray(8)]);
}

/** Binds ole32 and the Core Audio vtable calls. Throws when ole32 cannot be loaded. */
export function bindCoreAudio(koffi: Koffi): CoreAudioCalls {
  const ole32 = koffi.load('ole32.dll');
  const CoInitializeEx = ole32.func('int32_t __stdcall CoInitializeEx(void *reserved, uint32_t flags)');
  const CoCreateInstance = ole32.func('int32_t __stdcall CoCreateInstance(void *clsid, void *outer, uint32_t context, void *iid, _Out_ void **object)');
  const CoTaskMemFree = ole32.func('void __stdcall CoTaskMemFree(void *memory)');
  const protoOut = koffi.proto('int32_t __stdcall ScareStopComOut(void *self, _Out_ void **out)');
  const protoIidOut = koffi.proto('int32_t __stdcall ScareStopComIidOut(void *self, void *iid, _Out_ void **out)');
  const protoEndpoint = koffi.proto('int32_t __stdcall ScareStopComEndpoint(void *self, int flow, int role, _Out_ void **out)');
  const protoActivate = koffi.proto('int32_t __stdcall ScareStopComActivate(void *self, void *iid, uint32_t context, void *params, _Out_ void **out)');
  const protoIndexOut = koffi.proto('int32_t __stdcall ScareStopComIndexOut(void *self, int index, _Out_ void **out)');
  const protoInt = koffi.proto('int32_t __stdcall ScareStopComInt(void *self, _Out_ int32_t *value)');
  const protoSetMute = koffi.proto('int32_t __stdcall ScareStopComSetMute(void *self, int32_t mute, void *context)');
  const protoRelease = koffi.proto('uint32_t __stdcall ScareStopComRelease(void *self)');

  const method = (object: ComObject, slot: number): unknown => koffi.decode(koffi.decode(object, 'void *'), slot * 8, 'void *');
  const check = (call: string, hresult: unknown): void => {
    const value = Number(hresult);
    if (value < 0) throw new ComError(call, value >>> 0);
  };
  const outObject = (call: string, invoke: (out: unknown[]) => unknown): ComObject => {
    const out: unknown[] = [null];
    check(call, invoke(out));
    if (out[0] === null || out[0] === undefined) throw new ComError(call, 0x80004003); // E_POINTER
    return out[0] as ComObject;
  };
  const outInt = (call: string, object: ComObject, slot: number): number => {
    const out = [0];
    check(call, koffi.call(method(object, slot), protoInt, object, out));
    return Number(out[0]);
  };
  const query = (iid: string, name: string) => (object: ComObject) => outObject(`QueryInterface(${name})`, (out) => koffi.call(method(object, SLOT.queryInterface), protoIidOut, object, guidBytes(iid), out));

  return {
    initialize() {
      const hresult = Number(CoInitializeEx(null, COINIT_MULTITHREADED)) >>> 0;
      // S_OK, S_FALSE (already initialised) and RPC_E_CHANGED_MODE (an STA thread, e.g. Electron's) all work here.
      if ((hresult & 0x8000_0000) !== 0 && hresult !== RPC_E_CHANGED_MODE) throw new ComError('CoInitializeEx', hresult);
    },
    createDeviceEnumerator: () => outObject('CoCreateInstance(MMDeviceEnumerator)', (out) => CoCreateInstance(guidBytes(CLSID_MMDeviceEnumerator), null, CLSCTX_ALL, guidBytes(IID_IMMDeviceEnumerator), out)),
    defaultRenderDevice: (enumerator) => outObject('GetDefaultAudioEndpoint', (out) => koffi.call(method(enumerator, SLOT.getDefaultAudioEndpoint), protoEndpoint, enumerator, E_RENDER, E_MULTIMEDIA, out)),
    activateSessionManager: (device) => outObject('Activate(IAudioSessionManager2)', (out) => koffi.call(method(device, SLOT.activate), protoActivate, device, guidBytes(IID_IAudioSessionManager2), CLSCTX_ALL, null, out)),
    sessionEnumerator: (manager) => outObject('GetSessionEnumerator', (out) => koffi.call(method(manager, SLOT.getSessionEnumerator), protoOut, manager, out)),
    sessionCount: (sessions) => outInt('GetCount', sessions, SLOT.getCount),
    session: (sessions, index) => outObject('GetSession', (out) => koffi.call(method(sessions, SLOT.getSession), protoIndexOut, sessions, index, out)),
    sessionControl2: query(IID_IAudioSessionControl2, 'IAudioSessionControl2'),
    processId: (control2) => outInt('GetProcessId', control2, SLOT.getProcessId) >>> 0,
    instanceId(control2) {
      const text = outObject('GetSessionInstanceIdentifier', (out) => koffi.call(method(control2, SLOT.getSessionInstanceIdentifier), protoOut, control2, out));
      try {
        return String(koffi.decode(text, 'char16_t', -1)).slice(0, 1_000);
      } finally {
        CoTaskMemFree(text);
      }
    },
    simpleVolume: query(IID_ISimpleAudioVolume, 'ISimpleAudioVolume'),
    getMute: (volume) => outInt('GetMute', volume, SLOT.getMute) !== 0,
    setMute: (volume, muted) => check('SetMute', koffi.call(method(volume, SLOT.setMute), protoSetMute, volume, muted ? 1 : 0, null)),
    release: (object) => {
      koffi.call(method(object, SLOT.release), protoRelease, object);
    },
  };
}
