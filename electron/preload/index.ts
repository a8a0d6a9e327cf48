import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../../shared/ipc/channels';
import type { PatronBridge } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';

/**
 * The renderer's only door to the main process: one generic `invoke` for the
 * contract's channels and one `on` for its push events. No Node, no ipcRenderer.
 */
const bridge: PatronBridge = {
  invoke(channel, request) {
    if (!isChannel(channel)) {
      const refused: Envelope<never> = { ok: false, error: { code: 'unknown_channel', message: `unknown IPC channel: ${channel}` } };
      return Promise.resolve(refused);
    }
    // Answers from the database thread arrive as JSON text, decoded here rather than in the main process.
    return (ipcRenderer.invoke(channel, request) as Promise<unknown>).then((answer) => (typeof answer === 'string' ? (JSON.parse(answer) as unknown) : answer));
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`unknown event: ${event}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('patron', bridge);
