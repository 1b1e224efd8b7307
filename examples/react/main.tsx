// A small React app built from the LivePlus parts, with its own layout: the show's player on
// top, the products and the chat side by side, the cart in the header. Events arrive as typed
// onLp… props; the page keeps its own checkout by cancelling lp-checkout.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Cart, Chat, Player, ProductCarousel, Show } from '@liveplus/react';
import { createMemoryAdapter, type Cart as CartState } from '@liveplus/elements';
import { createDemoShows } from '@liveplus/core/demo';

function App() {
  const adapter = useMemo(() => createMemoryAdapter({ shows: createDemoShows() }), []);
  const [order, setOrder] = useState<CartState | null>(null);
  const [viewers, setViewers] = useState<number | null>(null);

  return (
    <Show
      showId="misty-peak-tour"
      adapter={adapter}
      onLpReady={(event) => event.detail.controller.select((s) => s.viewerCount, setViewers, { immediate: true })}
    >
      <header className="app-header">
        <strong>Misty Peak live{viewers === null ? '' : ` · ${viewers} watching`}</strong>
        <Cart
          onLpCheckout={(event) => {
            event.preventDefault(); // this app runs its own checkout
            setOrder(event.detail.cart);
          }}
        />
      </header>
      <Player className="app-player" autoplay muted />
      <div className="app-columns">
        <ProductCarousel layout="list" />
        <Chat />
      </div>
      {order && (
        <p className="app-order" role="status">
          Checkout handed to the app: {order.lines.map((line) => `${line.quantity} × ${line.title}`).join(', ')}
        </p>
      )}
    </Show>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
