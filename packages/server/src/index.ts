/**
 * @liveplus/server: the LivePlus demo server and the pieces it is made of, for tests
 * and for hosting the simulated live stream elsewhere.
 */
export { createDemoServer, type DemoServer, type DemoServerOptions } from './server.js';
export { API_PREFIX, DEFAULT_LIMITS, createApi, type Api, type ApiLimits, type ApiOptions, type RateLimit } from './api/index.js';
export { FaultInjector, type FaultKind, type FaultRecord, type FaultRule } from './faults.js';
export {
  LIVE_EPOCH_MS,
  LIVE_WINDOW_SEGMENTS,
  REPLAY_START_MS,
  liveEdge,
  liveMediaPlaylist,
  liveSegmentStart,
  liveWindow,
  loopPosition,
  multivariantPlaylist,
  segmentUri,
  vodMediaPlaylist,
  type Timeline,
  type VariantInfo,
} from './hls.js';
export { loadProgramme, parseManifest, type Manifest, type Programme, type Rendition } from './media.js';
export { HTML_CSP } from './http.js';
export { CLOCK_HZ, CLOCK_WRAP, readPcrs, readTimestamps } from './ts.js';
