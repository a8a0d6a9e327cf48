import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { bindDispatch, createForwarder, type CallerInfo, type Forward } from '../ipc/dispatch';
import { isTrustedCaller } from './security';

function callerOf(event: IpcMainInvokeEvent): CallerInfo {
  const frame = event.senderFrame;
  return { transport: 'electron', url: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

/** Checks every request here (sender, channel, payload) and forwards the valid ones to the database thread. */
export function bindIpc(forward: Forward<string>): void {
  bindDispatch(
    ipcMain,
    createForwarder(forward, { isTrustedCaller, onInternalError: (channel, err) => console.error(`[ipc] ${channel} failed:`, err) }),
    callerOf,
  );
}

/** Push events go to every window; the preload forwards only known event names. */
export function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  }
}
