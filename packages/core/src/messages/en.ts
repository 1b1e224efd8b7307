/**
 * English messages: the source of truth for message keys and their arguments.
 *
 * Syntax (a small ICU MessageFormat subset, see i18n.ts):
 * - `{name}` inserts an argument; numbers are formatted for the locale (`1,234`);
 * - `{count, plural, =0 {…} one {…} other {…}}` picks a branch with `Intl.PluralRules` (an exact
 *   `=N` first); `#` in a branch is the formatted number;
 * - `{kind, select, a {…} other {…}}` picks a branch by string value;
 * - `{` and `}` are always syntax; there is no quoting.
 * A translation uses exactly the same argument names (a test checks it).
 *
 * Keys are grouped by what shows them. Player and show-status strings live under `show.*`; the
 * player uses them too (LIVE badge, back to live, replay, starts in, add to calendar).
 */
export const en = {
  // Show status and schedule
  'show.status.scheduled': 'Upcoming',
  'show.status.live': 'Live',
  'show.status.ended': 'Ended',
  /** Badge on the video while the show is live. */
  'show.liveBadge': 'LIVE',
  /** `{time}` is a formatted countdown, e.g. "2 hr, 5 min". */
  'show.startsIn': 'Starts in {time}',
  /** `{time}` is a formatted date and time. */
  'show.startsAt': 'Starts {time}',
  'show.startingSoon': 'Starting soon',
  'show.ended': 'This show has ended',
  'show.backToLive': 'Back to live',
  'show.replay': 'Replay',
  'show.watchReplay': 'Watch the replay',
  'show.replaySoon': 'The replay will be available soon',
  'show.addToCalendar': 'Add to calendar',
  /** `{count}` may be a number or a compact count string ("12.3K"). */
  'show.viewers': '{count} watching',
  'show.presenter': 'Presented by {name}',

  // Connection
  'connection.connecting': 'Connecting…',
  'connection.reconnecting': 'Reconnecting…',
  'connection.offline': "You're offline",
  'connection.offlineHint': "We'll reconnect as soon as you're back online.",
  'connection.restored': 'Back online',

  // Errors: one per ErrorCode, readable by a viewer
  'error.invalid-data': "Some information couldn't be shown because it was incomplete.",
  'error.network': "Can't reach the server. Check your connection and try again.",
  'error.timeout': 'This is taking too long. Please try again.',
  'error.not-found': "We couldn't find this. It may have been removed.",
  'error.unauthorized': 'Please sign in to continue.',
  'error.forbidden': "You don't have permission to do this.",
  'error.rate-limited': "You're going too fast. Try again in {seconds, plural, one {# second} other {# seconds}}.",
  /** `rate-limited` when the backend did not say how long to wait. */
  'error.rate-limited.later': "You're going too fast. Please wait a moment and try again.",
  'error.conflict': 'Something changed in the meantime. Please check and try again.',
  'error.sold-out': 'Sorry, this is sold out.',
  'error.invalid-input': "That didn't work. Please check what you entered and try again.",
  'error.unsupported': "This isn't available here.",
  'error.aborted': 'Cancelled.',
  'error.resume-unavailable': 'Catching up with the live show…',
  'error.server': 'Something went wrong on our side. Please try again later.',
  'error.media': "The video can't be played right now. Please try again.",
  'error.unknown': 'Something went wrong. Please try again.',

  // Common actions
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'common.showMore': 'Show more',
  'common.showLess': 'Show less',

  // Availability
  'availability.in-stock': 'In stock',
  'availability.low-stock': 'Only {count} left',
  'availability.sold-out': 'Sold out',
  'availability.preorder': 'Pre-order',

  // Prices
  'price.current': 'Price: {price}',
  'price.from': 'From {price}',
  /** Discount badge; `{percent}` is a whole number. */
  'price.discount': '-{percent}%',
  /** Screen-reader text of the discount badge. */
  'price.discountLabel': '{percent}% off',
  /** Label of a struck-through `lowest-30-days` reference price (EU Omnibus rule). */
  'price.reference.lowest-30-days': 'Lowest price in the 30 days before this discount',
  /** Label of a struck-through `list-price` reference price. */
  'price.reference.list-price': 'List price',
  /** Screen-reader text of a struck-through price: `{kind}` is one of the labels above. */
  'price.referenceLabel': '{kind}: {price}',

  // Disclosure: what the show is commercially
  'disclosure.own-goods': 'Presented by the seller',
  'disclosure.sponsored': 'Ad · Sponsored by {party}',
  'disclosure.affiliate': 'Ad · The presenter earns a commission from {party} on sales',
  'disclosure.ad': 'Ad',

  // Seller identity
  'seller.soldBy': 'Sold by {name}',
  'seller.about': 'About the seller',
  'seller.verified': 'Verified seller',
  'seller.unverified': 'Identity not verified by the platform',
  'seller.legalName': 'Legal name: {name}',
  'seller.licence': 'Business licence no. {number}',
  'seller.contact': 'Contact the seller',

  // Product attributes with a translated label
  'attribute.origin': 'Origin',
  'attribute.certification': 'Certification',
  'attribute.material': 'Material',
  'attribute.weight': 'Weight',
  'attribute.duration': 'Duration',
  'attribute.meeting-point': 'Meeting point',

  // Products
  'products.title': 'Products',
  'products.count': '{count, plural, one {# product} other {# products}}',
  'products.onScreenNow': 'On screen now',
  'products.empty': 'No products in this show yet',
  'products.loading': 'Loading products…',
  'products.previous': 'Previous products',
  'products.next': 'Next products',
  'product.details': 'Details',
  'product.view': 'View product',
  'product.buy': 'Buy',
  'product.image': 'Image {index} of {total}',

  // Variant picker
  'variant.choose': 'Choose {axis}',
  'variant.chooseOptions': 'Choose options',
  'variant.selected': 'Selected: {label}',
  'variant.unavailable': 'This combination is not available',
  'variant.soldOut': 'Sold out',
  /** Accessible name of a sold-out option value. */
  'variant.optionSoldOut': '{label}, sold out',
  /** Accessible name of a value that no variant combines with the other choices. */
  'variant.optionUnavailable': '{label}, not available with your other choices',
  /** Short visible note under such a value. */
  'variant.notOffered': 'Not available',
  'variant.noLongerAvailable': 'Your selection is no longer available. Please choose again.',

  // Cart
  'cart.add': 'Add to cart',
  'cart.adding': 'Adding…',
  'cart.added': 'Added to cart',
  'cart.title': 'Cart',
  'cart.open': '{count, plural, =0 {Cart, empty} one {Cart, # item} other {Cart, # items}}',
  'cart.items': '{count, plural, one {# item} other {# items}}',
  'cart.checkout': 'Check out',
  'cart.subtotal': 'Subtotal',
  'cart.subtotalNote': 'Shipping and taxes are calculated at checkout.',
  'cart.quantity': 'Quantity',
  'cart.increase': 'Increase quantity',
  'cart.decrease': 'Decrease quantity',
  'cart.remove': 'Remove',
  'cart.removeItem': 'Remove {title}',
  'cart.empty': 'Your cart is empty',
  /** Unit price of a line with more than one item. */
  'cart.each': '{price} each',
  /** A line whose product or variant sold out after it was added (the line stays). */
  'cart.lineSoldOut': 'Sold out since you added it',
  /** The product's price changed after it was added; `{price}` is the new price. */
  'cart.priceNow': 'Price now {price}',

  // Chat
  'chat.title': 'Chat',
  'chat.send': 'Send',
  'chat.placeholder': 'Say something…',
  'chat.nickname.prompt': 'Choose a nickname to join the chat',
  'chat.nickname.label': 'Nickname',
  'chat.nickname.submit': 'Join the chat',
  'chat.newMessages': '{count, plural, one {# new message} other {# new messages}}',
  'chat.loadEarlier': 'Load earlier messages',
  'chat.empty': 'No messages yet. Say hello!',
  'chat.readOnly': 'Chat is read-only for this show',
  'chat.pending': 'Sending…',
  'chat.failed': 'Not sent. Tap to retry.',
  'chat.retry': 'Retry',
  'chat.removed': 'Message removed by a moderator',
  'chat.pinned': 'Pinned',
  'chat.you': 'You',
  'chat.report': 'Report',
  'chat.report.title': 'Report this message',
  'chat.report.spam': 'Spam',
  'chat.report.abuse': 'Abuse or harassment',
  'chat.report.misleading': 'Misleading',
  'chat.report.other': 'Something else',
  'chat.report.sent': "Thanks. We've received your report.",
  'chat.hideUser': 'Hide messages from {name}',
  /** Shown while the viewer has hidden someone; the button next to it shows them again. */
  'chat.hiddenUsers': '{count, plural, one {# person hidden} other {# people hidden}}',
  'chat.unhideAll': 'Show again',
  /** Accessible name of the button that opens a message's actions (report, hide). */
  'chat.messageActions': 'Actions for the message from {name}',
  /** Removes a message that could not be sent. */
  'chat.discard': 'Delete this message',
  'chat.nickname.invalid': 'Use 1 to {max} visible characters.',
  'chat.charactersLeft': '{count, plural, one {# character left} other {# characters left}}',
  'chat.tooLong': '{count, plural, one {# character too many} other {# characters too many}}',
  'chat.slowDown': 'Slow down — wait {seconds, plural, one {# second} other {# seconds}}',
  'chat.role.host': 'Host',
  'chat.role.moderator': 'Moderator',
  'chat.role.seller': 'Seller',
  'chat.role.viewer': 'Viewer',

  // Reactions
  'reaction.send': 'Send a reaction',
  'reaction.heart': 'Love',
  'reaction.clap': 'Applause',
  'reaction.fire': 'Fire',
  'reaction.laugh': 'Laugh',
  'reaction.wow': 'Wow',

  // Player
  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.mute': 'Mute',
  'player.unmute': 'Unmute',
  'player.tapToUnmute': 'Tap to unmute',
  'player.volume': 'Volume',
  'player.fullscreen': 'Full screen',
  'player.exitFullscreen': 'Exit full screen',
  'player.pip': 'Picture-in-picture',
  'player.exitPip': 'Exit picture-in-picture',
  'player.captions': 'Captions',
  'player.captionsOff': 'Off',
  'player.quality': 'Quality',
  'player.auto': 'Auto',
  'player.seek': 'Seek',
  'player.loading': 'Loading video…',
  'player.tapToPlay': 'Tap to play',
  /** Accessible name of the player region. */
  'player.label': 'Video player',
  /** Screen-reader text of the seek bar: both are formatted times, e.g. "0:12 of 0:24". */
  'player.timeOf': '{current} of {duration}',
  /** A rendition in the quality menu; `{height}` is the picture height, e.g. "360p". */
  'player.resolution': '{height}p',
  'player.miniReturn': 'Back to the video',
  'player.miniClose': 'Close the mini player',
} as const;
