/**
 * The `window.patron` API over HTTP, as a classic script the renderer server injects
 * before the app's module script (the same API the Electron preload exposes). Push
 * events are not served: a print page only reads.
 */
export const WEB_PRELOAD_JS = `(() => {
  const base = '/__patron';
  window.patron = {
    async invoke(channel, request) {
      const res = await fetch(base + '/ipc/' + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      return res.json();
    },
    on() {
      return () => {};
    },
  };
})();
`;
