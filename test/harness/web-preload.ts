/**
 * The test preload: defines the same `window.patron` API as the Electron
 * preload (one generic `invoke`, one `on`), but over HTTP to the bridge in
 * bridge.ts. Served as a classic script before the app's module script runs.
 */
(() => {
  const base = '/__patron';
  let source: EventSource | null = null;

  window.patron = {
    async invoke(channel: string, request: unknown): Promise<unknown> {
      const res = await fetch(`${base}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      return res.json() as Promise<unknown>;
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      source ??= new EventSource(`${base}/events`);
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as unknown);
      source.addEventListener(event, handler as EventListener);
      return () => source?.removeEventListener(event, handler as EventListener);
    },
  };
})();
