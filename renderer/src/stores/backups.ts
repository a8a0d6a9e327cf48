import { create } from 'zustand';
import type { ArchiveResult, BackupInfo, BackupSettings, IntegrityReport } from '../../../shared/domain/backups';
import type { RollupRepairResult } from '../../../shared/domain/rollups';
import { invoke } from '../api/client';
import { errorMessage } from './errorMessage';

export type BackupAction = 'load' | 'create' | 'restore' | 'check' | 'repair' | 'archive' | 'configure';

interface BackupsState {
  folder: string | null;
  backups: BackupInfo[];
  settings: BackupSettings | null;
  /** The action in progress, if any (one at a time: a restore must not overlap a backup). */
  busy: BackupAction | null;
  error: { action: BackupAction; message: string } | null;
  lastCheck: IntegrityReport | null;
  lastRepair: RollupRepairResult | null;
  lastArchive: ArchiveResult | null;
  /** The backup the last restore came from, and where the state it replaced went. */
  lastRestore: { name: string; undoBackup: string } | null;
  load(): Promise<void>;
  create(): Promise<void>;
  restore(name: string): Promise<void>;
  check(): Promise<void>;
  /** Recomputes the per-customer rollups and fixes what differs (segments:repairRollups). */
  repair(): Promise<void>;
  archive(): Promise<void>;
  configure(settings: BackupSettings): Promise<void>;
}

export const useBackups = create<BackupsState>()((set, get) => {
  /** Runs one action, recording busy/error; the list is re-read afterwards when the action may have changed it. */
  async function run(action: BackupAction, work: () => Promise<void>, reload: boolean): Promise<void> {
    if (get().busy) return;
    set({ busy: action, error: null });
    try {
      await work();
    } catch (err) {
      set({ error: { action, message: errorMessage(err) } });
    } finally {
      set({ busy: null });
    }
    if (reload) await get().load();
  }

  return {
    folder: null,
    backups: [],
    settings: null,
    busy: null,
    error: null,
    lastCheck: null,
    lastRepair: null,
    lastArchive: null,
    lastRestore: null,

    async load() {
      try {
        const list = await invoke('backups:list', {});
        set({ folder: list.folder, backups: list.backups, settings: list.settings });
      } catch (err) {
        set({ error: { action: 'load', message: errorMessage(err) } });
      }
    },
    create: () =>
      run(
        'create',
        async () => {
          await invoke('backups:create', {});
        },
        true,
      ),
    restore: (name) =>
      run(
        'restore',
        async () => {
          const result = await invoke('backups:restore', { name });
          set({ lastRestore: { name, undoBackup: result.undoBackup } });
        },
        true,
      ),
    check: () => run('check', async () => set({ lastCheck: await invoke('backups:check', {}) }), false),
    repair: () => run('repair', async () => set({ lastRepair: await invoke('segments:repairRollups', {}) }), false),
    archive: () => run('archive', async () => set({ lastArchive: await invoke('backups:archive', {}) }), false),
    configure: (settings) => run('configure', async () => set({ settings: await invoke('backups:configure', settings) }), false),
  };
});
