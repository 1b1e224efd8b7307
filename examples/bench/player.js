// scripts/bench-player.mjs: `?engine=mse` (or `native`) forces an engine before the element upgrades.
const engine = new URLSearchParams(location.search).get('engine');
if (engine) document.querySelector('lp-player').setAttribute('prefer-playback', engine);
