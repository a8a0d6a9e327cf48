import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { registerHandlers, type CallerInfo } from '../ipc/dispatch';
import type { HandlerTable } from '../ipc/handlers';
import { isTrustedCaller } from './security';

function callerOf(event: IpcMainInvokeEvent): CallerInfo {
  const frame = event.senderFrame;
  return { transport: 'electron', url: frame?.url ?? null, isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

export function bindIpc(table: HandlerTable): void {
  registerHandlers(ipcMain, table, callerOf, {
    isTrustedCaller,
    onInternalError: (channel, err) => console.error(`[ipc] ${channel} failed:`, err),
  });
}

/** Push events go to every window; the preload forwards only known event names. */
export function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  }
}
