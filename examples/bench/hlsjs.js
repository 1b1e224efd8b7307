// Baseline for scripts/bench-player.mjs: hls.js (its ESM build, worker file) on a plain <video>.
import { HLS_WORKER } from '/examples/assets/hls-worker-policy.js';
import Hls from '/vendor/hls.mjs';

const video = document.querySelector('video');
const hls = new Hls({ workerPath: HLS_WORKER });
hls.loadSource('/live/stream.m3u8');
hls.attachMedia(video);
video.play().catch(() => {});
