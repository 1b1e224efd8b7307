// A small HLS playlist reader for the tests: tags, attributes and segments in order.

/** Parses `KEY=value,KEY="quoted, value"` attribute lists (RFC 8216 §4.2). */
export function parseAttributes(text) {
  const attributes = {};
  for (const [, key, quoted, plain] of text.matchAll(/([A-Z0-9-]+)=(?:"([^"]*)"|([^,]*))/g)) {
    attributes[key] = quoted ?? plain;
  }
  return attributes;
}

/**
 * Returns { lines, tags: Map(name → value of its first occurrence), variants, segments },
 * where each segment is { uri, duration, programDateTime } in playlist order.
 */
export function parsePlaylist(text) {
  const lines = text.split('\n').filter((line) => line !== '');
  if (lines[0] !== '#EXTM3U') throw new Error('playlist does not start with #EXTM3U');
  const tags = new Map();
  const variants = [];
  const segments = [];
  let pending = {};
  for (const line of lines) {
    if (line.startsWith('#EXT')) {
      const colon = line.indexOf(':');
      const name = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1);
      if (!tags.has(name)) tags.set(name, value);
      if (name === '#EXTINF') pending.duration = Number(value.split(',')[0]);
      if (name === '#EXT-X-PROGRAM-DATE-TIME') pending.programDateTime = value;
      if (name === '#EXT-X-STREAM-INF') pending.attributes = parseAttributes(value);
    } else if (!line.startsWith('#')) {
      if (pending.attributes) variants.push({ uri: line, attributes: pending.attributes });
      else segments.push({ uri: line, ...pending });
      pending = {};
    }
  }
  return { lines, tags, variants, segments };
}
