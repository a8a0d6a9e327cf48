/**
 * The `window.patron` API over HTTP (the same API the Electron preload exposes: one
 * generic `invoke`, one `on`), as a classic script served before the app's module
 * script. Events arrive as server-sent events; the report CLI's print server answers
 * the event stream with 204, which tells EventSource not to reconnect.
 */
export const WEB_PRELOAD_JS = `(() => {
  const base = '/__patron';
  let source = null;
  window.patron = {
    async invoke(channel, request) {
      const res = await fetch(base + '/ipc/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      return res.json();
    },
    on(event, listener) {
      if (source === null) source = new EventSource(base + '/events');
      const handler = (e) => listener(JSON.parse(e.data));
      source.addEventListener(event, handler);
      return () => source.removeEventListener(event, handler);
    },
  };
})();
`;
