// Pages that run stock hls.js (not the SDK) under Trusted Types: the demo server's CSP has
// `require-trusted-types-for 'script'`, and hls.js 1.7 creates its worker from a plain string,
// which only a `default` policy can turn into the TrustedScriptURL `new Worker` needs there.
// A page may create the default policy (the SDK never does: it belongs to the page); this one
// lets exactly one script URL through, the worker file served next to hls.js, and refuses
// everything else. The SDK itself needs none of this (see packages/player/README.md).
export const HLS_WORKER = new URL('/vendor/hls.worker.js', location.href).href;

globalThis.trustedTypes?.createPolicy('default', {
  createScriptURL: (url) => (url === HLS_WORKER ? url : null),
});
