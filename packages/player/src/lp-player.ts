/**
 * `<lp-player>`: live and replay HLS for a show. It plays the show's live stream while it is
 * live and its replay once it has ended (or an explicit `src`), counts down to a scheduled
 * show, keeps the viewer at the live edge, recovers from failures by itself (recovery.ts), and
 * tells the show controller which stream time the viewer is seeing, so product highlights
 * appear in step with the video.
 *
 * @element lp-player
 *
 * @attr src - An HLS playlist to play instead of the show's stream.
 * @attr poster - Image shown before playback (default: the show's poster).
 * @attr autoplay - Start playing as soon as possible, muted where the browser requires it.
 * @attr muted - Start muted.
 * @attr stream-type - `live`, `on-demand` or `auto` (default: from the stream).
 * @attr prefer-playback - `auto` (default), `mse` (hls.js) or `native`: see engine.ts.
 * @attr start-time - Position in seconds to start an on-demand stream at.
 * @attr max-resolution - Data saver: highest picture height adaptive quality may pick, e.g. `240`.
 * @attr controls - The player's controls; `controls="false"` hides them (they are on by default).
 * @attr floating - Continue in a corner mini-player when scrolled out of view while playing.
 * @attr worker-path - URL of hls.js's worker file (default: `hls.worker.js` next to the module).
 * @prop hls - A host's own hls.js constructor, so hls.js is not downloaded twice.
 * @prop hlsConfig - hls.js settings applied over the player's.
 * @prop retryPolicy - Bounds of the recovery policy (`retries`, `baseDelayMs`, `maxDelayMs`, `stallMs`).
 * @prop engine - The engine playing now: `native`, `mse` or null (read-only).
 * @prop streamTime - Stream time on screen, ms since the epoch, or null (read-only).
 * @prop media - The `<video>` element (read-only).
 *
 * @slot media - Optional: your own `<video>` (fast start: with a `src` it begins loading before the
 *   SDK's script arrives; the player takes it over and keeps its attributes).
 *
 * @fires lp-engine - An engine started (`detail.engine`, `detail.fallback`).
 * @fires lp-error - Playback failed for good (`detail.code`: `network`, `media`, `unsupported`); the player shows it too.
 * @fires lp-add-to-calendar - The viewer asked for a calendar entry (cancelable; `detail.ics`).
 *
 * @csspart frame - The box holding everything (the part that floats as the mini-player).
 * @csspart video - The `<video>`.
 * @csspart poster - The poster image behind the countdown and ended cards.
 * @csspart badge - The LIVE / Replay badge, or the "Back to live" button.
 * @csspart live - The badge while live (with `badge`).
 * @csspart replay - The badge of a replay (with `badge`).
 * @csspart back-to-live - The badge as the "Back to live" button, when behind the live position (with `badge`).
 * @csspart viewers - The viewer count.
 * @csspart overlay - The centred card: countdown, ended, error, big play button.
 * @csspart big-play - The big play button.
 * @csspart unmute - The "tap to unmute" button.
 * @csspart controls - The control bar.
 * @csspart button - Every control button.
 * @csspart seek - The seek bar of a replay.
 * @csspart volume - The volume slider.
 * @csspart quality - The quality menu.
 * @csspart mini - The mini-player's buttons.
 *
 * @cssprop --lp-player-aspect-ratio - Box ratio (default 16 / 9).
 * @cssprop --lp-player-radius - Corner radius (default `--lp-radius`).
 * @cssprop --lp-player-accent - Buttons and seek bar (default `--lp-color-accent`).
 * @cssprop --lp-player-on-accent - Text on the accent (default `--lp-color-on-accent`).
 * @cssprop --lp-player-live - The LIVE badge (default `--lp-color-live`).
 * @cssprop --lp-player-background - Behind the video (default #000).
 * @cssprop --lp-player-controls-background - The control bar's scrim.
 * @cssprop --lp-player-overlay-background - Behind the error and ended cards (default `rgb(0 0 0 / 0.7)`).
 * @cssprop --lp-player-mini-width - Width of the mini-player (default 320px).
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LivePlusError, formatCount, formatCountdown, formatDateTime, toLivePlusError, type ShowController } from '@liveplus/core';
import { LpElement, emit } from '@liveplus/ui';
import type { HlsConfig } from 'hls.js';
import { chooseEngine, detectSupport, type EngineKind, type PlaybackPreference } from './engine.js';
import type { LpAddToCalendarDetail, LpEngineDetail } from './events.js';
import { defaultWorkerPath, loadHls, loadedHls, type HlsConstructor } from './hls-loader.js';
import { atMost, firstFrame } from './fast-start.js';
import { buildIcs, downloadIcs } from './ics.js';
import { icons } from './icons.js';
import { playerStyles } from './lp-player.styles.js';
import { MseEngine, playerHlsConfig } from './mse-engine.js';
import { NativeEngine } from './native-engine.js';
import type { CaptionTrack, EngineEvents, PlaybackEngine, QualityLevel } from './playback-engine.js';
import { Recovery, type RecoveryOptions } from './recovery.js';
import { resolveSource, sameSource, type PlayerSource, type StreamType } from './source.js';

type Phase = 'idle' | 'loading' | 'playing' | 'paused' | 'waiting' | 'ended' | 'error';

/** Seconds behind the live position before the badge turns into "back to live". */
const BEHIND_LIVE_S = 5;
const SEEK_STEP_S = 5;
const HEARTBEAT_MS = 30_000;
const CONTROLS_IDLE_MS = 3000;
const MEDIA_EVENTS = [
  'playing',
  'play',
  'pause',
  'waiting',
  'ended',
  'volumechange',
  'durationchange',
  'loadedmetadata',
  'timeupdate',
  'seeked',
  'error',
  'enterpictureinpicture',
  'leavepictureinpicture',
] as const;

const controlsConverter = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

export class LpPlayer extends LpElement {
  static override styles = playerStyles;

  static override properties: PropertyDeclarations = {
    src: { type: String },
    poster: { type: String },
    autoplay: { type: Boolean },
    muted: { type: Boolean },
    streamType: { attribute: 'stream-type', type: String },
    preferPlayback: { attribute: 'prefer-playback', type: String },
    startTime: { attribute: 'start-time', type: Number },
    maxResolution: { attribute: 'max-resolution', type: Number },
    controls: { converter: controlsConverter },
    floating: { type: Boolean, reflect: true },
    workerPath: { attribute: 'worker-path', type: String },
    hls: { attribute: false },
    hlsConfig: { attribute: false },
    retryPolicy: { attribute: false },
    _phase: { state: true },
    _engine: { state: true },
    _error: { state: true },
    _time: { state: true },
    _duration: { state: true },
    _volume: { state: true },
    _isMuted: { state: true },
    _live: { state: true },
    _behind: { state: true },
    _levels: { state: true },
    _level: { state: true },
    _captions: { state: true },
    _caption: { state: true },
    _autoMuted: { state: true },
    _needsTap: { state: true },
    _retrying: { state: true },
    _fullscreen: { state: true },
    _pip: { state: true },
    _floated: { state: true },
    _active: { state: true },
    _now: { state: true },
  };

  declare src: string | undefined;
  declare poster: string | undefined;
  declare autoplay: boolean;
  declare muted: boolean;
  declare streamType: StreamType;
  declare preferPlayback: PlaybackPreference;
  declare startTime: number | undefined;
  declare maxResolution: number | undefined;
  declare controls: boolean;
  declare floating: boolean;
  declare workerPath: string | undefined;
  /** A host's own hls.js constructor: used instead of downloading hls.js. */
  declare hls: HlsConstructor | undefined;
  /** hls.js settings applied over the player's own. */
  declare hlsConfig: Partial<HlsConfig> | undefined;
  /** Bounds of the recovery policy (see recovery.ts). */
  declare retryPolicy: Partial<RecoveryOptions> | undefined;

  declare _phase: Phase;
  declare _engine: EngineKind | null;
  declare _error: LivePlusError | null;
  declare _time: number;
  declare _duration: number;
  declare _volume: number;
  declare _isMuted: boolean;
  declare _live: boolean | null;
  declare _behind: boolean;
  declare _levels: readonly QualityLevel[];
  declare _level: QualityLevel | null;
  declare _captions: readonly CaptionTrack[];
  declare _caption: number;
  declare _autoMuted: boolean;
  declare _needsTap: boolean;
  declare _retrying: boolean;
  declare _fullscreen: boolean;
  declare _pip: boolean;
  declare _floated: boolean;
  declare _active: boolean;
  declare _now: number;

  readonly #showData = this.select((s) => s.show);
  readonly #viewers = this.select((s) => s.viewerCount, null);

  #video: HTMLVideoElement | null = null;
  #adoptedSrc: string | undefined;
  #source: PlayerSource = { kind: 'none' };
  #engineImpl: PlaybackEngine | null = null;
  #session = 0;
  #recovery: Recovery | null = null;
  /** The viewer (or autoplay) wants playback: a new source starts playing by itself. */
  #wantsPlay = false;
  #loadStarted = 0;
  #firstFrame = false;
  #rebufferSince: number | null = null;
  #watchedMs = 0;
  #lastTick = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #observer: IntersectionObserver | undefined;
  #inView = true;
  #seen = false;
  #miniDismissed = false;
  #published: ShowController | undefined;
  #switching = false;

  constructor() {
    super();
    this.autoplay = false;
    this.muted = false;
    this.streamType = 'auto';
    this.preferPlayback = 'auto';
    this.controls = true;
    this.floating = false;
    this._phase = 'idle';
    this._error = null;
    this._time = 0;
    this._duration = NaN;
    this._volume = 1;
    this._isMuted = false;
    this._autoMuted = false;
    this._needsTap = false;
    this._retrying = false;
    this._fullscreen = false;
    this._pip = false;
    this._floated = false;
    this._active = false;
    this.#stopEngine(); // the engine's slice of state: none yet
    this._now = Date.now();
    this.addEventListener('keydown', (event) => this.#onKey(event));
    this.bindController((show) => () => {
      if (this.#published === show) show.setPlaybackTime(null);
      this.#published = undefined;
    });
  }

  // ---------------------------------------------------------------- public read-only state

  /** The engine playing now, or null. */
  get engine(): EngineKind | null {
    return this._engine;
  }

  /** Stream time on screen (ms since the epoch, from EXT-X-PROGRAM-DATE-TIME), or null when unknown. */
  get streamTime(): number | null {
    return this.#engineImpl?.streamTime() ?? null;
  }

  /** The `<video>` element (after the first render). */
  get media(): HTMLVideoElement | null {
    return this.#video;
  }

  // ---------------------------------------------------------------- lifecycle

  override connectedCallback(): void {
    // A shadow root made before the element was defined (fast-start.ts) holds only a placeholder;
    // cleared before lit takes the root over (it renders before the root's first child).
    if (!this.hasUpdated) this.shadowRoot?.replaceChildren();
    super.connectedCallback();
    this.#recovery = new Recovery(
      {
        retryNetwork: () => this.#retryNetwork(),
        recoverMedia: () => this.#engineImpl?.recoverMedia() ?? false,
        fallback: () => this.#fallback(),
        unstall: (attempt) => this.#engineImpl?.unstall(attempt),
        fail: (error) => this.#fail(error),
      },
      this.retryPolicy,
    );
    this.#video ??= this.#adoptVideo() ?? this.#createVideo();
    // Starts downloading hls.js now when it will be needed: it is the longest step before a frame.
    if (!this.hasUpdated) this.#holdFirstRender(this.#needsMse());
    this.#lastTick = Date.now();
    this.#ticker = setInterval(() => this.#tick(), 1000);
    document.addEventListener('fullscreenchange', this.#onFullscreen);
    if (typeof IntersectionObserver !== 'undefined') {
      this.#observer = new IntersectionObserver(([entry]) => this.#onVisibility(entry?.isIntersecting ?? true), { threshold: 0.25 });
      this.#observer.observe(this);
    }
    // Moved in the page: play what was playing again.
    if (this.hasUpdated) {
      this.#source = { kind: 'none' };
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    this.#heartbeat(); // while the controller is still bound
    super.disconnectedCallback(); // unbinding clears the published stream time
    this.#session++;
    this.#stopEngine();
    this.#recovery?.destroy();
    this.#recovery = null;
    clearInterval(this.#ticker);
    clearTimeout(this.#idleTimer);
    document.removeEventListener('fullscreenchange', this.#onFullscreen);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** The `<video>` lives as long as the element, across renders; created on first connection (never in Node). */
  #createVideo(): HTMLVideoElement {
    const video = document.createElement('video');
    video.setAttribute('part', 'video');
    video.playsInline = true;
    return this.#listen(video);
  }

  /**
   * A `<video>` child is used as the media element (fast start: with its own `src` it starts
   * loading before the SDK's script has arrived; the player then takes it over).
   */
  #adoptVideo(): HTMLVideoElement | null {
    const video = this.querySelector<HTMLVideoElement>(':scope > video');
    if (!video) return null;
    video.slot = 'media';
    this.#adoptedSrc = video.getAttribute('src') ?? undefined;
    // Its own attributes stand: a muted autoplaying video stays so.
    this.muted ||= video.muted;
    this.autoplay ||= video.autoplay;
    return this.#listen(video);
  }

  /**
   * Fast start: the first frame comes before the player's chrome (controls, overlays, badges:
   * ~15 ms of script plus the style and layout of a first paint, which otherwise delay the
   * media pipeline's own main-thread steps, such as hls.js's `sourceopen`).
   * - hls.js path: the first update waits, at most 1 s, for hls.js to load, so it starts hls.js
   *   synchronously (its MediaSource attached, its first request under way).
   * - A slotted `<video>` that is already loading: the first update waits for its first frame; a
   *   bare slot shows the video meanwhile.
   * - Otherwise, an autoplaying start renders only the video until its first frame (the chrome
   *   comes at once when autoplay is refused or playback fails). Always at most 1 s.
   */
  #holdFirstRender(mse: boolean): void {
    const video = this.#video!;
    if (mse && !this.hls && !loadedHls()) this.#firstRenderHeld = atMost(loadHls());
    if (!this.autoplay || video.error || video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return;
    const framed = firstFrame(video);
    // A slotted video playing by itself (its own src and autoplay, the native engine's).
    if (!mse && video.slot === 'media' && video.src && video.autoplay) {
      const slot = document.createElement('slot');
      slot.name = 'media';
      this.renderRoot.append(slot);
      this.#firstRenderHeld = framed.then(() => slot.remove());
      return;
    }
    this.#bare = true;
    void framed.then(() => {
      this.#bare = false;
      this.requestUpdate();
    });
  }

  /** Until an autoplaying start's first frame: the shadow root shows only the video (see above). */
  #bare = false;

  #firstRenderHeld: Promise<void> | null = null;

  protected override scheduleUpdate(): void | Promise<unknown> {
    const held = this.#firstRenderHeld;
    if (!held) return super.scheduleUpdate();
    this.#firstRenderHeld = null;
    return held.then(() => super.scheduleUpdate());
  }

  #listen(video: HTMLVideoElement): HTMLVideoElement {
    for (const type of MEDIA_EVENTS) video.addEventListener(type, this.#onMedia);
    video.addEventListener('click', (event) => this.#onVideoClick(event as PointerEvent));
    return video;
  }

  /** What to play: `src`, else a slotted video's own `src`, else the show's stream. */
  #resolve(): PlayerSource {
    return resolveSource(this.src ?? this.#adoptedSrc, this.streamType, this.#showData());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.#video && this.isConnected) this.#syncSource(changed);
    this.#updateFloat();
  }

  /** Starts what the attributes and the show say should play, when that changed. */
  #syncSource(changed: PropertyValues): void {
    if (changed.has('muted')) this.#video!.muted = this.muted;
    const poster = this.poster ?? this.#showData()?.stream.poster?.url;
    if (poster) this.#video!.poster = poster;
    else if (this.#video!.slot !== 'media') this.#video!.removeAttribute('poster'); // a slotted video keeps its own
    const next = this.#resolve();
    this.#video!.hidden = next.kind !== 'stream';
    if (!sameSource(next, this.#source) || changed.has('preferPlayback')) void this.#start(next);
    else if (changed.has('maxResolution')) this.#engineImpl?.capHeight(this.#heightCap());
  }

  // ---------------------------------------------------------------- engines

  #heightCap(): number {
    if (this.maxResolution !== undefined && this.maxResolution > 0) return this.maxResolution;
    const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
    return connection?.saveData ? 0 : Infinity;
  }

  /** The engine the policy picks for a source (see engine.ts). */
  #chooseFor(source: PlayerSource): EngineKind | null {
    const live = source.kind === 'stream' && source.streamType === 'live';
    return chooseEngine(this.preferPlayback, detectSupport(this.#video!), { streamTime: this.show !== undefined, live });
  }

  #needsMse(): boolean {
    const source = this.#resolve();
    return source.kind === 'stream' && this.#chooseFor(source) === 'mse';
  }

  #stopEngine(): void {
    this.#switching = true;
    this.#engineImpl?.destroy();
    this.#switching = false;
    this.#engineImpl = null;
    this._engine = null;
    this._levels = [];
    this._level = null;
    this._captions = [];
    this._caption = -1;
    this._live = null;
    this._behind = false;
  }

  /**
   * Plays `source` from scratch. `engine` overrides the policy; `fallback` marks the switch from a
   * failed native engine; `keepRecovery` continues the recovery policy's counts (a retry).
   */
  async #start(source: PlayerSource, options: { engine?: EngineKind; fallback?: boolean; keepRecovery?: boolean } = {}): Promise<void> {
    const { engine, fallback = false, keepRecovery = fallback } = options;
    const session = ++this.#session;
    this.#source = source;
    this.#heartbeat();
    this.#stopEngine();
    this._error = null;
    this._retrying = false;
    this._time = 0;
    this._duration = NaN;
    this.#firstFrame = false;
    this.#rebufferSince = null;
    if (!keepRecovery) this.#recovery?.reset();
    if (source.kind !== 'stream') {
      this._phase = 'idle';
      this.#publish(null);
      return;
    }
    const video = this.#video!;
    const kind = engine ?? this.#chooseFor(source);
    if (!kind) {
      this.#fail(new LivePlusError('unsupported', 'This browser cannot play HLS.'));
      return;
    }
    this._phase = this.autoplay || this.#wantsPlay ? 'loading' : 'paused';
    this.#loadStarted = performance.now();
    const events: EngineEvents = {
      tracksChanged: () => this.#syncTracks(),
      levelSwitched: (level, auto) => {
        this._level = level;
        this.#track({ type: 'video-quality-change', height: level?.height ?? null, bitrate: level?.bitrate ?? null, auto });
      },
      fatal: (type) => (type === 'media' ? this.#recovery?.mediaError() : this.#recovery?.networkError()),
    };
    const start = source.streamType === 'live' ? undefined : this.startTime;
    if (kind === 'native') {
      const engine = new NativeEngine(video, source.url, events, start);
      this.#engineImpl = engine;
      // A slotted video kept loading: its load started when it asked for its playlist.
      if (engine.kept) this.#loadStarted = performance.getEntriesByName(video.src).at(-1)?.startTime ?? this.#loadStarted;
    } else {
      let Hls: HlsConstructor;
      try {
        // Synchronously when hls.js is there already: it starts before this update renders.
        Hls = this.hls ?? loadedHls() ?? (await loadHls());
      } catch {
        if (session === this.#session) this.#recovery?.networkError(); // hls.js could not be downloaded
        return;
      }
      if (session !== this.#session) return;
      const config = { ...playerHlsConfig(this.workerPath ?? defaultWorkerPath()), ...this.hlsConfig };
      this.#engineImpl = new MseEngine(Hls, video, source.url, events, config, start);
    }
    this.#engineImpl.capHeight(this.#heightCap());
    this._engine = kind;
    emit<LpEngineDetail>(this, 'lp-engine', { engine: kind, fallback });
    // A slotted video playing before the player arrived: what its `play`/`playing` would have said.
    if (!video.paused && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      this.#onMedia(new Event('play'));
      this.#onMedia(new Event('playing'));
    }
    if (this.autoplay || this.#wantsPlay) void this.#play(!this.#wantsPlay);
  }

  /** Native playback failed: the same source through hls.js. */
  #fallback(): boolean {
    if (this._engine !== 'native' || !detectSupport(this.#video!).mse || this.#source.kind !== 'stream') return false;
    void this.#start(this.#source, { engine: 'mse', fallback: true });
    return true;
  }

  #retryNetwork(): void {
    this._retrying = false;
    if (this.#engineImpl) this.#engineImpl.retry();
    else void this.#start(this.#source, { keepRecovery: true }); // hls.js itself failed to download
  }

  #fail(error: LivePlusError): void {
    this.#session++;
    this.#stopEngine();
    this._phase = 'error';
    this._error = error;
    this._retrying = false;
    this.#track({ type: 'video-error', code: error.code });
    this.reportError('media', error);
  }

  /** The viewer's "try again" after an error. */
  #retry(): void {
    this.#wantsPlay = true;
    void this.#start(this.#source);
  }

  // ---------------------------------------------------------------- playback

  /** Plays; autoplay starts muted (browsers allow that) and offers "tap to unmute". */
  async #play(auto: boolean): Promise<void> {
    const video = this.#video;
    if (!video) return;
    if (auto && !video.muted) {
      video.muted = true;
      this._autoMuted = true;
    }
    try {
      await video.play();
      this.#wantsPlay = true;
      this._needsTap = false;
    } catch (error) {
      // Autoplay refused (or the source changed under it): a big play button, never a black box.
      if ((error as { name?: string }).name === 'NotAllowedError') {
        this._needsTap = true;
        if (this._phase === 'loading') this._phase = 'paused';
      }
    }
  }

  #userPlay(): void {
    this.#wantsPlay = true;
    this._needsTap = false;
    if (this._phase === 'error') {
      this.#retry();
      return;
    }
    // On live, play resumes where the viewer paused (inside the window); the badge goes live.
    void this.#play(false);
  }

  #togglePlay(): void {
    const video = this.#video;
    if (!video || this.#source.kind !== 'stream') return;
    if (video.paused || video.ended) this.#userPlay();
    else {
      this.#wantsPlay = false;
      video.pause();
    }
  }

  #toggleMute(): void {
    const video = this.#video;
    if (!video) return;
    video.muted = !video.muted;
    if (!video.muted && video.volume === 0) video.volume = 0.5;
    this._autoMuted = false;
    this.muted = video.muted;
  }

  #setVolume(value: number): void {
    const video = this.#video;
    if (!video) return;
    video.volume = Math.min(1, Math.max(0, value));
    video.muted = video.volume === 0;
    this._autoMuted = false;
    this.muted = video.muted;
  }

  #seekTo(seconds: number): void {
    const video = this.#video;
    if (!video) return;
    const { seekable } = video;
    if (seekable.length === 0) return;
    video.currentTime = Math.min(seekable.end(seekable.length - 1), Math.max(seekable.start(0), seconds));
  }

  #goLive(): void {
    const engine = this.#engineImpl;
    const video = this.#video;
    if (!engine || !video) return;
    this.#wantsPlay = true;
    const position = engine.livePosition();
    if (position !== null) video.currentTime = position;
    else engine.retry(); // no live window to seek in (Chromium's native HLS): reload at the edge
    void this.#play(false);
    this._behind = false;
  }

  #toggleCaptions(): void {
    const engine = this.#engineImpl;
    if (!engine || this._captions.length === 0) return;
    const lang = this.resolvedLocale.split('-')[0];
    const next = this._caption >= 0 ? -1 : (this._captions.find((c) => c.language.split('-')[0] === lang) ?? this._captions[0]!).index;
    engine.setCaption(next);
    this._caption = next;
  }

  #toggleFullscreen(): void {
    if (document.fullscreenElement === this) void document.exitFullscreen();
    else if (this.requestFullscreen) this.requestFullscreen().catch(() => {});
    else (this.#video as { webkitEnterFullscreen?: () => void } | null)?.webkitEnterFullscreen?.(); // iPhone
  }

  #togglePip(): void {
    const video = this.#video;
    if (!video) return;
    if (document.pictureInPictureElement === video) void document.exitPictureInPicture();
    else video.requestPictureInPicture().catch(() => {});
  }

  #syncTracks(): void {
    const engine = this.#engineImpl;
    if (!engine) return;
    const cap = this.#heightCap();
    this._levels = engine.levels().filter((level, _i, all) => level.height <= cap || level === all[0]);
    this._captions = engine.captions();
  }

  // ---------------------------------------------------------------- media events

  readonly #onMedia = (event: Event): void => {
    const video = this.#video;
    if (!video || this.#switching) return;
    switch (event.type) {
      case 'playing':
        this._phase = 'playing';
        this._needsTap = false;
        if (!this.#firstFrame) {
          this.#firstFrame = true;
          this.#track({ type: 'video-first-frame', ms: Math.round(performance.now() - this.#loadStarted), engine: this._engine ?? 'native' });
        }
        if (this.#rebufferSince !== null) {
          this.#track({ type: 'video-rebuffer-end', durationMs: Math.round(performance.now() - this.#rebufferSince) });
          this.#rebufferSince = null;
        }
        break;
      case 'play':
        this.#track({ type: 'video-play', live: this._live === true });
        break;
      case 'pause':
        if (!this.#firstFrame) break; // a source being replaced, or never started
        if (this._phase !== 'error') this._phase = 'paused';
        this.#heartbeat();
        this.#track({ type: 'video-pause', live: this._live === true });
        break;
      case 'waiting':
        if (this._phase === 'playing' && this.#rebufferSince === null) {
          this.#rebufferSince = performance.now();
          this.#track({ type: 'video-rebuffer-start' });
        }
        if (this._phase !== 'error') this._phase = this.#firstFrame ? 'waiting' : 'loading';
        break;
      case 'ended':
        this._phase = 'ended';
        this.#wantsPlay = false;
        break;
      case 'volumechange':
        this._volume = video.volume;
        this._isMuted = video.muted;
        break;
      case 'durationchange':
      case 'loadedmetadata':
        this._duration = video.duration;
        this.#updateLive();
        break;
      case 'timeupdate':
      case 'seeked':
        this._time = video.currentTime;
        this.#updateLive();
        this.#publish(this.#engineImpl?.streamTime() ?? null);
        break;
      case 'error':
        // hls.js reports its own errors; a native error goes to the policy (fall back to MSE).
        if (this._engine === 'native' && video.error) this.#recovery?.nativeError();
        break;
      case 'enterpictureinpicture':
      case 'leavepictureinpicture':
        this._pip = event.type === 'enterpictureinpicture';
        break;
    }
  };

  #updateLive(): void {
    const engine = this.#engineImpl;
    const video = this.#video;
    if (!engine || !video) return;
    const live = this.#source.kind === 'stream' && this.#source.streamType !== 'auto' ? this.#source.streamType === 'live' : engine.isLive();
    this._live = live;
    if (!live) {
      this._behind = false;
      return;
    }
    const position = engine.livePosition();
    this._behind = this.#firstFrame && (video.paused || (position !== null && position - video.currentTime > BEHIND_LIVE_S));
  }

  #publish(time: number | null): void {
    const show = this.show;
    if (!show) return;
    this.#published = show;
    show.setPlaybackTime(time === null ? null : Math.round(time));
  }

  #track(input: Parameters<ShowController['track']>[0]): void {
    this.show?.track(input);
  }

  /** Sends the watch time accumulated since the last heartbeat. */
  #heartbeat(): void {
    if (this.#watchedMs >= 1000) this.#track({ type: 'video-heartbeat', watchedMs: Math.round(this.#watchedMs) });
    this.#watchedMs = 0;
  }

  #tick(): void {
    const now = Date.now();
    const video = this.#video;
    const playing = this._phase === 'playing' && !!video && !video.paused;
    if (playing) this.#watchedMs += now - this.#lastTick;
    this.#lastTick = now;
    if (this.#watchedMs >= HEARTBEAT_MS) this.#heartbeat();
    if (this.#source.kind === 'scheduled') this._now = now;
    if (video && this.#engineImpl) {
      // Not paused means playback was asked for (by the viewer or autoplay) and not refused.
      const intends = !video.paused && !video.ended && this._phase !== 'error';
      this.#recovery?.tick(intends, video.currentTime);
      this._retrying = this.#recovery?.retrying ?? false;
      this.#updateLive();
    }
  }

  // ---------------------------------------------------------------- interaction

  #onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    const tag = target?.tagName;
    if (tag === 'SELECT' || (tag === 'INPUT' && event.key.startsWith('Arrow'))) return;
    if ((tag === 'BUTTON' || tag === 'A') && (event.key === ' ' || event.key === 'Enter')) return;
    const video = this.#video;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    switch (key) {
      case ' ':
      case 'k':
        this.#togglePlay();
        break;
      case 'm':
        this.#toggleMute();
        break;
      case 'f':
        this.#toggleFullscreen();
        break;
      case 'c':
        this.#toggleCaptions();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!video) return;
        this.#seekTo(video.currentTime + (key === 'ArrowLeft' ? -SEEK_STEP_S : SEEK_STEP_S));
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        if (!video) return;
        this.#setVolume(video.volume + (key === 'ArrowUp' ? 0.1 : -0.1));
        break;
      default:
        return;
    }
    event.preventDefault();
    this.#wake();
  }

  /** Shows the controls for a while after the viewer moves, taps or types. */
  #wake(): void {
    this._active = true;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => (this._active = false), CONTROLS_IDLE_MS);
  }

  #onVideoClick(event: PointerEvent): void {
    // A first tap on a touch screen shows the controls; a click toggles playback.
    if (event.pointerType === 'touch' && !this._active) {
      this.#wake();
      return;
    }
    this.#togglePlay();
    this.#wake();
  }

  readonly #onFullscreen = (): void => {
    this._fullscreen = document.fullscreenElement === this;
  };

  #onVisibility(visible: boolean): void {
    this.#inView = visible;
    if (visible) {
      this.#seen = true;
      this.#miniDismissed = false;
    }
    this.#updateFloat();
  }

  /** Floats only once scrolled away: a player below the fold that was never seen stays put. */
  #updateFloat(): void {
    this._floated = this.floating && this.#seen && !this.#inView && !this.#miniDismissed && this._phase === 'playing';
  }

  #closeMini(): void {
    this.#miniDismissed = true;
    this.#wantsPlay = false;
    this.#video?.pause();
    this.#updateFloat();
  }

  #returnFromMini(): void {
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'center' });
  }

  #addToCalendar(): void {
    const show = this.#showData();
    if (!show) return;
    const ics = buildIcs({
      uid: `${show.id}@liveplus`,
      title: show.title,
      start: show.scheduledStart,
      ...(show.description ? { description: show.description } : {}),
      ...(typeof location === 'undefined' ? {} : { url: location.href }),
    });
    if (emit<LpAddToCalendarDetail>(this, 'lp-add-to-calendar', { ics, showId: show.id }, { cancelable: true })) {
      downloadIcs(ics, `${show.id}.ics`);
    }
  }

  // ---------------------------------------------------------------- rendering

  #formatTime(seconds: number): string {
    return formatCountdown(Math.floor(Math.max(0, seconds)) * 1000, this.formatLocale, { style: 'digital' });
  }

  protected override render(): TemplateResult {
    const source = this.#source.kind === 'none' ? this.#resolve() : this.#source;
    const streaming = source.kind === 'stream';
    const paused = this._phase !== 'playing' && this._phase !== 'waiting';
    const poster = this.poster ?? this.#showData()?.stream.poster?.url;
    const frameClass = [
      'frame',
      streaming ? 'streaming' : 'card',
      paused ? 'paused' : '',
      this._active ? 'active' : '',
      this._floated ? 'floated' : '',
    ].join(' ');
    return html`
      <div part="frame" class=${frameClass} role="region" tabindex="-1" aria-label=${this.t('player.label')} @pointermove=${this.#wake}>
        ${this.#video?.slot === 'media' ? html`<slot name="media"></slot>` : this.#video}
        ${streaming && this.#bare && !this._needsTap && this._phase !== 'error' ? nothing : this.#renderChrome(source, poster)}
      </div>
    `;
  }

  /** Everything over the video: poster, badges, overlays, unmute, controls, mini-player buttons. */
  #renderChrome(source: PlayerSource, poster: string | undefined): TemplateResult {
    const streaming = source.kind === 'stream';
    return html`${streaming ? nothing : this.#renderPoster(poster)} ${this.#renderBadges(source)} ${this.#renderOverlay(source)}
      ${streaming && this._autoMuted && this._isMuted && this._phase === 'playing'
        ? html`<button part="unmute" class="unmute" type="button" @click=${this.#toggleMute}>${icons.muted}<span>${this.t('player.tapToUnmute')}</span></button>`
        : nothing}
      ${streaming && this.controls && this._phase !== 'error' ? this.#renderControls() : nothing} ${this._floated ? this.#renderMini() : nothing}`;
  }

  #renderPoster(poster: string | undefined): TemplateResult | typeof nothing {
    if (!poster) return nothing;
    return html`<img part="poster" class="poster" src=${poster} alt="" />`;
  }

  #renderBadges(source: PlayerSource): TemplateResult | typeof nothing {
    const viewers = this.#viewers();
    const viewerText =
      viewers !== null && source.kind === 'stream' && !source.replay
        ? html`<span part="viewers" class="viewers">${this.t('show.viewers', { count: formatCount(viewers, this.formatLocale) })}</span>`
        : nothing;
    let badge: TemplateResult | typeof nothing = nothing;
    if (source.kind === 'stream' && this._live) {
      badge =
        this._behind && this._phase !== 'loading'
          ? html`<button part="badge back-to-live" class="badge behind" type="button" @click=${this.#goLive}>${this.t('show.backToLive')}</button>`
          : html`<span part="badge live" class="badge live">${this.t('show.liveBadge')}</span>`;
    } else if (source.kind === 'stream' && source.replay) {
      badge = html`<span part="badge replay" class="badge replay">${this.t('show.replay')}</span>`;
    }
    if (badge === nothing && viewerText === nothing) return nothing;
    return html`<div class="badges">${badge}${viewerText}</div>`;
  }

  #renderOverlay(source: PlayerSource): TemplateResult | typeof nothing {
    if (this._phase === 'error' && this._error) {
      return html`<div part="overlay" class="overlay error" role="alert">
        <p>${this.describeError(this._error)}</p>
        <button part="button" class="action" type="button" @click=${this.#retry}>${this.t('common.retry')}</button>
      </div>`;
    }
    if (source.kind === 'scheduled') {
      const remaining = Date.parse(source.start) - this._now;
      const when = formatDateTime(source.start, this.formatLocale);
      return html`<div part="overlay" class="overlay scheduled">
        <p class="status">${this.t('show.status.scheduled')}</p>
        <p class="countdown" role="timer" aria-live="off">
          ${remaining > 0 ? this.t('show.startsIn', { time: formatCountdown(remaining, this.formatLocale) }) : this.t('show.startingSoon')}
        </p>
        <p class="when">${this.t('show.startsAt', { time: when })}</p>
        ${this.#showData()
          ? html`<button part="button" class="action" type="button" @click=${this.#addToCalendar}>${icons.calendar}<span>${this.t('show.addToCalendar')}</span></button>`
          : nothing}
      </div>`;
    }
    if (source.kind === 'ended') {
      return html`<div part="overlay" class="overlay ended">
        <p class="status">${this.t('show.ended')}</p>
        <p>${this.t('show.replaySoon')}</p>
      </div>`;
    }
    if (source.kind !== 'stream') return nothing;
    if (this._phase === 'loading' || this._phase === 'waiting') {
      return html`<div part="overlay" class="overlay loading" role="status">
        <span class="spinner" aria-hidden="true"></span>
        <span class="visually-hidden">${this._retrying ? this.t('connection.reconnecting') : this.t('player.loading')}</span>
      </div>`;
    }
    if (this._needsTap || (this._phase === 'paused' && !this.#firstFrame)) {
      return html`<div part="overlay" class="overlay">
        <button part="big-play" class="big-play" type="button" aria-label=${this.t('player.tapToPlay')} @click=${this.#userPlay}>${icons.play}</button>
      </div>`;
    }
    return nothing;
  }

  #button(label: string, icon: TemplateResult | unknown, onClick: () => void, pressed?: boolean): TemplateResult {
    return html`<button part="button" type="button" aria-label=${label} aria-pressed=${pressed === undefined ? nothing : String(pressed)} @click=${onClick}>
      ${icon}
    </button>`;
  }

  #renderControls(): TemplateResult {
    const video = this.#video;
    const playing = !!video && !video.paused;
    const muted = this._isMuted;
    const onDemand = this._live === false && Number.isFinite(this._duration);
    const pipAvailable = typeof document !== 'undefined' && document.pictureInPictureEnabled && !video?.disablePictureInPicture;
    return html`<div part="controls" class="controls">
      ${this.#button(playing ? this.t('player.pause') : this.t('player.play'), playing ? icons.pause : icons.play, this.#togglePlay)}
      ${this.#button(muted ? this.t('player.unmute') : this.t('player.mute'), muted ? icons.muted : icons.volume, this.#toggleMute)}
      <input
        part="volume"
        class="volume"
        type="range"
        min="0"
        max="1"
        step="0.05"
        aria-label=${this.t('player.volume')}
        .value=${String(muted ? 0 : this._volume)}
        @input=${(e: Event) => this.#setVolume(Number((e.target as HTMLInputElement).value))}
      />
      ${onDemand
        ? html`<input
              part="seek"
              class="seek"
              type="range"
              min="0"
              max=${this._duration}
              step="0.1"
              aria-label=${this.t('player.seek')}
              aria-valuetext=${this.t('player.timeOf', { current: this.#formatTime(this._time), duration: this.#formatTime(this._duration) })}
              .value=${String(this._time)}
              @input=${(e: Event) => this.#seekTo(Number((e.target as HTMLInputElement).value))}
            />
            <span class="time" aria-hidden="true">${this.#formatTime(this._time)} / ${this.#formatTime(this._duration)}</span>`
        : html`<span class="spacer"></span>`}
      ${this._captions.length > 0 ? this.#button(this.t('player.captions'), icons.captions, this.#toggleCaptions, this._caption >= 0) : nothing}
      ${this._levels.length > 1 ? this.#renderQuality() : nothing}
      ${pipAvailable ? this.#button(this._pip ? this.t('player.exitPip') : this.t('player.pip'), icons.pip, this.#togglePip, this._pip) : nothing}
      ${this.#button(
        this._fullscreen ? this.t('player.exitFullscreen') : this.t('player.fullscreen'),
        this._fullscreen ? icons.exitFullscreen : icons.fullscreen,
        this.#toggleFullscreen,
      )}
    </div>`;
  }

  #renderQuality(): TemplateResult {
    const selected = this.#engineImpl?.selectedLevel() ?? -1;
    const playing = this._level;
    const levels = [...this._levels].sort((a, b) => b.height - a.height);
    const auto = playing && selected < 0 ? `${this.t('player.auto')} (${this.t('player.resolution', { height: String(playing.height) })})` : this.t('player.auto');
    return html`<select
      part="quality"
      class="quality"
      aria-label=${this.t('player.quality')}
      @change=${(e: Event) => {
        const index = Number((e.target as HTMLSelectElement).value);
        this.#engineImpl?.setLevel(index);
        this.requestUpdate();
      }}
    >
      <option value="-1" ?selected=${selected < 0}>${auto}</option>
      ${levels.map(
        (level) =>
          html`<option value=${level.index} ?selected=${selected === level.index}>${this.t('player.resolution', { height: String(level.height) })}</option>`,
      )}
    </select>`;
  }

  #renderMini(): TemplateResult {
    return html`<div part="mini" class="mini">
      ${this.#button(this.t('player.miniReturn'), icons.back, this.#returnFromMini)}
      ${this.#button(this.t('player.miniClose'), icons.close, this.#closeMini)}
    </div>`;
  }
}
