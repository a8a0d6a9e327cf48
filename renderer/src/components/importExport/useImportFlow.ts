import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke, on } from '../../api/client';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import type { ColumnMapping, ImportOptionsInput, ImportReport, ImportTarget } from '../../../../shared/import/targets';

type PickedFile = NonNullable<ResponseOf<'import:pickFile'>['file']>;
/** What the file holds, with the handle the main process issued for it (the renderer never holds its path). */
export type Inspected = ResponseOf<'import:inspect'> & PickedFile;
export type Step = 'file' | 'map' | 'preview' | 'run' | 'result';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The wizard's state machine: file → mapping → preview → running job → result. */
export function useImportFlow() {
  const [step, setStep] = useState<Step>('file');
  const [target, setTarget] = useState<ImportTarget>('customers');
  const [inspected, setInspected] = useState<Inspected | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [options, setOptions] = useState<ImportOptionsInput>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<'done' | 'cancelled' | 'failed' | null>(null);
  const jobId = useRef<string | null>(null);

  useEffect(
    () =>
      on('job:progress', (p) => {
        if (p.id === jobId.current) setProgress({ done: p.done, total: p.total });
      }),
    [],
  );

  const inspect = useCallback(async (file: PickedFile, t: ImportTarget, encoding?: string, sheet?: string) => {
    setBusy('reading');
    setError(null);
    try {
      const r = await invoke('import:inspect', { handle: file.handle, target: t, ...(encoding ? { encoding } : {}), ...(sheet ? { sheet } : {}) });
      setInspected({ ...r, ...file });
      setMapping(r.suggested);
      setOptions((o) => ({ ...o, encoding: encoding ?? undefined, sheet: r.sheet ?? undefined }));
      setStep('map');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(null);
    }
  }, []);

  /** The main process shows its open dialog and answers with a handle for the chosen file. */
  const pickFile = useCallback(async () => {
    setError(null);
    try {
      const { file } = await invoke('import:pickFile', {});
      if (file) await inspect(file, target);
    } catch (err) {
      setError(message(err));
    }
  }, [inspect, target]);

  const request = useCallback(() => {
    if (!inspected) throw new Error('no file');
    return { handle: inspected.handle, target, mapping, options };
  }, [inspected, target, mapping, options]);

  const preview = useCallback(async () => {
    setBusy('previewing');
    setError(null);
    try {
      setReport(await invoke('import:preview', request()));
      setStep('preview');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(null);
    }
  }, [request]);

  const commit = useCallback(async () => {
    setError(null);
    setProgress(null);
    setOutcome(null);
    setStep('run');
    try {
      const { jobId: id } = await invoke('import:start', request());
      jobId.current = id;
      const r = await invoke('import:wait', { jobId: id });
      setReport(r);
      setOutcome('done');
    } catch (err) {
      const text = message(err);
      if (/cancelled/.test(text)) setOutcome('cancelled');
      else {
        setOutcome('failed');
        setError(text);
      }
    } finally {
      jobId.current = null;
      setStep('result');
    }
  }, [request]);

  const cancel = useCallback(async () => {
    if (jobId.current) await invoke('jobs:cancel', { id: jobId.current });
  }, []);

  const reset = useCallback(() => {
    setStep('file');
    setInspected(null);
    setMapping({});
    setOptions({});
    setReport(null);
    setError(null);
    setOutcome(null);
    setProgress(null);
  }, []);

  return { step, setStep, target, setTarget, inspected, mapping, setMapping, options, setOptions, report, busy, error, progress, outcome, pickFile, inspect, preview, commit, cancel, reset };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
