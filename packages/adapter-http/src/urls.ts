/**
 * URLs in protocol payloads are absolute or relative to the API (openapi.yaml, "Conventions").
 * A page on another origin would resolve `/media/poster.svg` against itself, so the adapter
 * makes them absolute against the endpoint before the controller sees them. A fragment-only
 * reference (`#checkout`) is about the page and stays as it is. Malformed data is passed
 * through untouched: the controller's validation reports it with a path.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function resolveUrl(value: unknown, base: URL): unknown {
  if (typeof value !== 'string' || value === '' || value.startsWith('#')) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** A copy of `value` with the URL at `key` resolved (when it is an object holding one). */
function withUrl(value: unknown, key: string, base: URL): unknown {
  return isObject(value) && key in value ? { ...value, [key]: resolveUrl(value[key], base) } : value;
}

const image = (value: unknown, base: URL) => withUrl(value, 'url', base);
const images = (value: unknown, base: URL) => (Array.isArray(value) ? value.map((item) => image(item, base)) : value);

function stream(value: unknown, base: URL): unknown {
  if (!isObject(value)) return value;
  const out: Json = { ...value };
  for (const key of ['live', 'replay'] as const) if (key in out) out[key] = resolveUrl(out[key], base);
  if ('poster' in out) out.poster = image(out.poster, base);
  return out;
}

export function resolveShowUrls(show: unknown, base: URL): unknown {
  if (!isObject(show)) return show;
  const out: Json = { ...show };
  if ('stream' in out) out.stream = stream(out.stream, base);
  if ('seller' in out) out.seller = withUrl(out.seller, 'contactUrl', base);
  if (isObject(out.presenter) && 'avatar' in out.presenter) out.presenter = { ...out.presenter, avatar: image(out.presenter.avatar, base) };
  return out;
}

export function resolveProductUrls(product: unknown, base: URL): unknown {
  if (!isObject(product)) return product;
  const out: Json = { ...withUrl(product, 'url', base) as Json };
  if ('images' in out) out.images = images(out.images, base);
  if (Array.isArray(out.variants)) out.variants = out.variants.map((variant: unknown) => (isObject(variant) && 'image' in variant ? { ...variant, image: image(variant.image, base) } : variant));
  return out;
}

export function resolveCartUrls(cart: unknown, base: URL): unknown {
  if (!isObject(cart) || !Array.isArray(cart.lines)) return cart;
  return { ...cart, lines: cart.lines.map((line: unknown) => (isObject(line) && 'image' in line ? { ...line, image: image(line.image, base) } : line)) };
}

export function resolveEventUrls(event: unknown, base: URL): unknown {
  return isObject(event) && event.type === 'status-changed' && 'stream' in event ? { ...event, stream: stream(event.stream, base) } : event;
}
