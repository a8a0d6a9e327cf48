import type { Channel, EventName } from '../../shared/ipc/channels';

/** What the database thread needs to open the database and build the services (plain data: it crosses threads). */
export interface DbThreadConfig {
  dbPath: string;
  nativeBinding?: string | undefined;
  actor: string;
  systemLocale: string;
  runtime: 'electron' | 'node';
  appVersion: string;
  /** A fixed clock (ISO instant) for tests; the real clock otherwise. */
  fixedNow?: string | undefined;
  /** The shell services the owning process offers; the thread calls back for them. */
  shell: { openDialog: boolean; saveDialog: boolean; printer: boolean; notifications: boolean };
  /** The app runs daily segmentation and the warning schedule; the harness does not. */
  schedules: boolean;
  /** After a recovery: the app relaunches itself, the harness reopens the restored file in place. */
  afterRecovery: 'relaunch' | 'reopen';
}

/** A request the thread makes of the process that owns the windows. */
export type ShellRequest =
  | { kind: 'saveFile'; defaultName: string; filters: { name: string; extensions: string[] }[] }
  | { kind: 'openFile'; filters: { name: string; extensions: string[] }[] }
  | { kind: 'pdf'; route: string; paper: 'A4' | 'Letter' }
  | { kind: 'print'; route: string; paper: 'A4' | 'Letter' }
  | { kind: 'notify'; title: string; body: string }
  | { kind: 'relaunch' };

export type ToThread =
  | { type: 'call'; seq: number; channel: Channel; request: unknown }
  | { type: 'shell-answer'; seq: number; ok: true; value: unknown }
  | { type: 'shell-answer'; seq: number; ok: false; message: string }
  | { type: 'quit' };

/** How opening the database went: `ready`, `damaged` (only the recovery calls answer), or refused with a reason. */
export type OpenOutcome = { state: 'ready' } | { state: 'damaged'; file: string; reason: string } | { state: 'refused'; message: string } | { state: 'failed'; message: string };

export type FromThread =
  | { type: 'opened'; outcome: OpenOutcome }
  /** The envelope as JSON text: the window process hands it on without decoding a 100,000-row answer. */
  | { type: 'answer'; seq: number; json: string; ms: number }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'shell'; seq: number; request: ShellRequest }
  | { type: 'closed' };
