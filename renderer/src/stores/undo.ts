import { create } from 'zustand';
import { invoke } from '../api/client';
import { errorMessage } from './errorMessage';

const LIMIT = 100;

/**
 * Undo/redo of grid edits and bulk edits. Each entry is the audit batch of one
 * write; undoing it asks main to write the old values back as a new batch, which
 * is what redo then reverts.
 */
interface UndoState {
  undoStack: string[];
  redoStack: string[];
  busy: boolean;
  error: string | null;
  push(batchId: string | null): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  clearError(): void;
}

export const useUndo = create<UndoState>()((set, get) => {
  async function step(from: 'undoStack' | 'redoStack', to: 'undoStack' | 'redoStack') {
    const state = get();
    const batchId = state[from].at(-1);
    if (!batchId || state.busy) return;
    set({ busy: true, error: null });
    try {
      const res = await invoke('customers:revert', { batchId });
      set((s) => ({ [from]: s[from].slice(0, -1), [to]: res.batchId ? [...s[to], res.batchId].slice(-LIMIT) : s[to], busy: false }));
    } catch (error) {
      // A batch that can no longer be reverted is dropped so the next one can be tried.
      set((s) => ({ [from]: s[from].slice(0, -1), busy: false, error: errorMessage(error) }));
    }
  }
  return {
    undoStack: [],
    redoStack: [],
    busy: false,
    error: null,
    push(batchId) {
      if (batchId) set((s) => ({ undoStack: [...s.undoStack, batchId].slice(-LIMIT), redoStack: [] }));
    },
    undo: () => step('undoStack', 'redoStack'),
    redo: () => step('redoStack', 'undoStack'),
    clearError() {
      set({ error: null });
    },
  };
});
